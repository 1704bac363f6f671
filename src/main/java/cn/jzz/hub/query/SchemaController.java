package cn.jzz.hub.query;

import cn.jzz.hub.schema.ResidentSchema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/schema}: the 55 fields and the system fields, straight from schemas/. */
@RestController
@RequestMapping("/api/v1")
public class SchemaController {

  private final SchemaResponse response;

  public SchemaController(ResidentSchema schema) {
    // The schema is fixed for the life of the process, so the answer is built once.
    this.response = SchemaResponse.from(schema);
  }

  @GetMapping("/schema")
  public SchemaResponse schema() {
    return response;
  }
}
