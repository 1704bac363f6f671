package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the audit trail, for data admins. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Who read what (admins only)")
public class AuditController {

  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  @Operation(summary = "Audit entries, newest first", description = "Filters: user, action, outcome, person_id, from/to (ISO instants). Admins only.")
  public Map<String, Object> search(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String outcome,
      @RequestParam(name = "person_id", required = false) String personId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "50") int size,
      HttpServletRequest request) {
    Principal caller = AuthFilter.principal(request);
    if (!caller.isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "the audit is for data admins");
    }
    if (page < 1 || size < 1 || size > 1000 || (long) page * size > 10_000) {
      throw ApiException.badRequest("INVALID_PAGING", "page starts at 1, size is 1..1000 and page × size at most 10000; narrow with from/to");
    }
    Map<String, Object> result = audit.search(new AuditLog.Filter(user, action, outcome, personId, instant("from", from), instant("to", to), page, size));
    audit.record(caller, new AuditEvent("audit.search", "allowed", 200, filters(user, action, outcome, personId, from, to), null, ((Number) result.get("total")).longValue(), null, null, null));
    return result;
  }

  private static Map<String, Object> filters(String... values) {
    String[] names = {"user", "action", "outcome", "person_id", "from", "to"};
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        out.put(names[i], values[i]);
      }
    }
    return out;
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("INVALID_PARAMETER", name + " must be an ISO instant such as 2026-11-26T00:00:00Z");
    }
  }
}
