package cn.jzz.hub.normalize.api;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.support.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/quarantine} and {@code POST /api/v1/quarantine/{id}/replay} (admin only): the
 * rejected rows with source, raw content, reason, mapping version and time; a replay publishes the raw
 * event again to its raw topic, so it is normalised under the current mapping.
 */
@RestController
@RequestMapping("/api/v1/quarantine")
public class QuarantineController {

  private final QuarantineStore store;
  private final RawReplayer replayer;

  public QuarantineController(QuarantineStore store, RawReplayer replayer) {
    this.store = store;
    this.replayer = replayer;
  }

  @GetMapping
  public Map<String, Object> list(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "50") int size,
      HttpServletRequest request) throws Exception {
    AdminGuard.requireAdmin(request);
    if (page < 1 || size < 1 || size > 1000 || (long) page * size > 10_000) {
      throw ApiException.badRequest("INVALID_PAGE", "page ≥ 1, 1 ≤ size ≤ 1000, and page × size ≤ 10000");
    }
    QuarantineStore.Page result = store.search(source, reason, page, size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", result.total());
    out.put("page", page);
    out.put("size", size);
    out.put("items", result.items().stream().map(QuarantineController::withoutEvent).toList());
    return out;
  }

  @PostMapping("/{id}/replay")
  public ResponseEntity<Map<String, Object>> replay(@PathVariable String id, HttpServletRequest request) throws Exception {
    AdminGuard.requireAdmin(request);
    Map<String, Object> doc = store.get(id)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no quarantined record '" + id + "'; list them with GET /api/v1/quarantine"));
    Object event = doc.get("event");
    if (!(event instanceof Map<?, ?> raw) || raw.get("source") == null) {
      throw new ApiException(HttpStatus.CONFLICT, "NOT_REPLAYABLE", "this record has no raw event to replay (it was unreadable or comes from another stage); fix it at the source");
    }
    String key = raw.get("entity") + ":" + raw.get("key");
    replayer.republish(String.valueOf(raw.get("source")), key, Json.write(raw));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("source", raw.get("source"));
    out.put("record_key", key);
    out.put("state", "republished");
    return ResponseEntity.accepted().body(out);
  }

  private static Map<String, Object> withoutEvent(Map<String, Object> doc) {
    Map<String, Object> out = new LinkedHashMap<>(doc);
    out.remove("event");
    return out;
  }
}
