package cn.jzz.hub.ops;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.connector.ConnectorManager;
import cn.jzz.hub.connector.SourceStatus;
import cn.jzz.hub.security.AdminOnly;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sources}: the state of every configured source and the operator's controls (pause,
 * resume, resync). Data admins only. Counts of accepted and quarantined records come from the
 * normalize stage's counter {@code hub.normalize.records{source,outcome}}.
 */
@RestController
@RequestMapping("/api/v1/sources")
public class SourcesController {

  private final ObjectProvider<ConnectorManager> manager;
  private final ObjectProvider<MeterRegistry> meters;

  public SourcesController(ObjectProvider<ConnectorManager> manager, ObjectProvider<MeterRegistry> meters) {
    this.manager = manager;
    this.meters = meters;
  }

  /**
   * One source.
   *
   * @param readHere whether this hub instance holds the source's lease; pause/resume/resync act on it
   * @param lag rows or files known to wait in the source, null where the hub cannot tell (CDC)
   * @param read raw events published since this instance started
   */
  public record SourceView(
      String id,
      String type,
      String state,
      boolean enabled,
      boolean readHere,
      Instant lastEventTime,
      Double lastEventAgeSeconds,
      Long lag,
      long read,
      Long accepted,
      Long quarantined,
      String lastError) {}

  public record SourcesView(List<SourceView> sources) {}

  @GetMapping
  public SourcesView list(HttpServletRequest request) {
    AdminOnly.require(request, "sources are managed by data admins");
    ConnectorManager connectors = manager.getIfAvailable();
    if (connectors == null) {
      return new SourcesView(List.of());
    }
    Instant now = Instant.now();
    return new SourcesView(connectors.reports().stream().map(r -> view(r, now)).toList());
  }

  @PostMapping("/{id}/pause")
  public Map<String, Object> pause(@PathVariable String id, HttpServletRequest request) {
    AdminOnly.require(request, "sources are managed by data admins");
    try {
      requireSource(id).pause(id);
    } catch (ConnectorManager.NotReadHereException e) {
      throw new ApiException(HttpStatus.CONFLICT, "NOT_READ_HERE", e.getMessage());
    }
    return Map.of("id", id, "state", SourceStatus.State.paused.name());
  }

  @PostMapping("/{id}/resume")
  public Map<String, Object> resume(@PathVariable String id, HttpServletRequest request) {
    AdminOnly.require(request, "sources are managed by data admins");
    ConnectorManager connectors = requireSource(id);
    connectors.resume(id);
    return Map.of("id", id, "state", stateOf(connectors, id));
  }

  @PostMapping("/{id}/resync")
  public Map<String, Object> resync(@PathVariable String id, HttpServletRequest request) {
    AdminOnly.require(request, "sources are managed by data admins");
    ConnectorManager connectors = requireSource(id);
    try {
      connectors.resync(id);
    } catch (ConnectorManager.NotReadHereException e) {
      throw new ApiException(HttpStatus.CONFLICT, "NOT_READ_HERE", e.getMessage());
    }
    return Map.of("id", id, "state", stateOf(connectors, id), "resync", true);
  }

  private static String stateOf(ConnectorManager connectors, String id) {
    return connectors.statuses().stream().filter(s -> s.source().equals(id)).findFirst().map(s -> s.state().name()).orElse("stopped");
  }

  private SourceView view(ConnectorManager.SourceReport report, Instant now) {
    SourceStatus s = report.status();
    Double age = s.lastEventTime() == null ? null : Duration.between(s.lastEventTime(), now).toMillis() / 1000.0;
    return new SourceView(s.source(), s.type(), s.state().name(), report.enabled(), report.readHere(), s.lastEventTime(), age, s.lag(),
        s.eventsRead(), normalized(s.source(), "accepted"), normalized(s.source(), "quarantined"), s.lastError());
  }

  /** Null when the normalize stage has not counted this source (yet): unknown is not zero. */
  private Long normalized(String source, String outcome) {
    MeterRegistry registry = meters.getIfAvailable();
    if (registry == null) {
      return null;
    }
    var counters = registry.find("hub.normalize.records").tag("source", source).tag("outcome", outcome).counters();
    if (counters.isEmpty()) {
      return null;
    }
    return (long) counters.stream().mapToDouble(Counter::count).sum();
  }

  private ConnectorManager requireSource(String id) {
    ConnectorManager connectors = manager.getIfAvailable();
    if (connectors == null) {
      throw new ApiException(HttpStatus.CONFLICT, "INGEST_DISABLED", "this hub instance does not read sources (hub.ingest.enabled=false)");
    }
    if (!connectors.knows(id)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "SOURCE_NOT_FOUND", "no source '" + id + "'; GET /api/v1/sources lists them");
    }
    return connectors;
  }
}
