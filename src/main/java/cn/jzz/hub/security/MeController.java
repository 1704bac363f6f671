package cn.jzz.hub.security;

import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the caller is and how the access policy lets her see the record, so the
 * console offers exactly the filters, columns and tags the API will accept (it enforces them anyway).
 */
@RestController
@Tag(name = "me", description = "The caller's role and what the access policy lets her see")
public class MeController {

  private final FieldProtection protection;
  private final ResidentSchema schema;
  private final TagDictionary tags;

  public MeController(FieldProtection protection, ResidentSchema schema, TagDictionary tags) {
    this.protection = protection;
    this.schema = schema;
    this.tags = tags;
  }

  @GetMapping("/api/v1/me")
  @Operation(summary = "The caller, her rows, and the treatment (clear, masked, counted, hidden) of every field, tag and source")
  public Map<String, Object> me(HttpServletRequest request) {
    Principal caller = AuthFilter.principal(request);
    CallerView view = protection.view(caller);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldDef f : schema.fields()) {
      fields.put(f.key(), view.field(f).name());
    }
    Map<String, Object> tagTreatments = new LinkedHashMap<>();
    for (TagDef t : tags.tags()) {
      tagTreatments.put(t.name(), view.tag(t).name());
    }
    Map<String, Object> sources = new LinkedHashMap<>();
    schema.sources().ids().forEach(id -> sources.put(id, view.source(id).name()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", caller.username());
    out.put("role", caller.roleLabel());
    out.put("rows", view.rows().name());
    out.put("record_keys", view.recordKeys());
    out.put("may_unmask", protection.mayUnmask(view));
    out.put("min_cell", view.minCell());
    out.put("fields", fields);
    out.put("tags", tagTreatments);
    out.put("sources", sources);
    return out;
  }
}
