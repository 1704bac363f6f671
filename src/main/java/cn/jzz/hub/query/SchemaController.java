package cn.jzz.hub.query;

import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDictionary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/schema}: the 55 fields, the system fields and the tag dictionary, straight from schemas/. */
@RestController
@RequestMapping("/api/v1")
public class SchemaController {

  private final SchemaResponse response;

  public SchemaController(ResidentSchema schema, TagDictionary tags) {
    // The schema is fixed for the life of the process, so the answer is built once.
    this.response = SchemaResponse.from(schema, tags);
  }

  @GetMapping("/schema")
  public SchemaResponse schema() {
    return response;
  }
}
