package cn.jzz.hub.export;

import cn.jzz.hub.query.RequestBodies;
import cn.jzz.hub.security.AuditEvent;
import cn.jzz.hub.security.AuditLog;
import cn.jzz.hub.security.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled exports: Camel YAML routes in {@code routes/} with a quartz cron whose id starts with
 * {@code export.}; the route's body is the export (the search query, {@code template} or {@code columns},
 * {@code format}, {@code destination}) and its last step is {@code process: {ref: scheduledExport}}. A
 * run is tried {@code hub.exports.schedule-attempts} times; each run, and a final failure, is audited
 * and listed by {@code GET /api/v1/exports/schedules} — never skipped silently.
 */
public final class ScheduledExports implements Processor {

  static final String PREFIX = "export.";
  private static final Logger log = LoggerFactory.getLogger(ScheduledExports.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final ExportService exports;
  private final AuditLog audit;
  private final ExportProperties properties;
  private final Path baseDir;
  private final Clock clock;
  private final Principal principal;
  private final Map<String, Map<String, Object>> lastRuns = new ConcurrentHashMap<>();
  private CamelContext camel;

  public ScheduledExports(ExportService exports, AuditLog audit, ExportProperties properties, Path baseDir, Clock clock) {
    this.exports = exports;
    this.audit = audit;
    this.properties = properties;
    this.baseDir = baseDir;
    this.clock = clock;
    java.util.Set<String> grants = new java.util.HashSet<>(properties.scheduler().grants());
    grants.add("export");
    String jurisdiction = properties.scheduler().jurisdiction() == null || properties.scheduler().jurisdiction().isBlank() ? null : properties.scheduler().jurisdiction();
    this.principal = new Principal(properties.scheduler().username(), Principal.Role.system, jurisdiction, grants);
  }

  void setCamelContext(CamelContext camel) {
    this.camel = camel;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    String routeId = exchange.getFromRouteId();
    String name = routeId != null && routeId.startsWith(PREFIX) ? routeId.substring(PREFIX.length()) : String.valueOf(routeId);
    Instant started = clock.instant();
    Exception last = null;
    int attempts = Math.max(1, properties.scheduleAttempts());
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        Spec spec = spec(exchange.getMessage().getBody(String.class));
        Path target = spec.destination().resolve(name + "-" + ZonedDateTime.now(clock.withZone(cn.jzz.hub.query.ResidentSearchService.LOCAL)).format(STAMP) + "." + (spec.request().format() == null ? "csv" : spec.request().format()));
        long rows = exports.runNow(spec.request(), principal, target, name);
        record(name, started, "ok", rows, target.toString(), attempt, null);
        audit.record(principal, new AuditEvent("exports.scheduled", "allowed", 0, Map.of("schedule", name), null, rows, null, name, "file " + target.getFileName() + ", attempt " + attempt));
        return;
      } catch (Exception e) {
        last = e;
        log.warn("scheduled export {} attempt {}/{} failed: {}", name, attempt, attempts, e.getMessage());
        if (e instanceof InvalidSchedule) {
          attempts = attempt;
          break;
        }
        if (attempt < attempts) {
          Thread.sleep(properties.retryDelay().toMillis());
        }
      }
    }
    String error = last.getMessage();
    record(name, started, "failed", 0, null, attempts, error);
    try {
      audit.record(principal, new AuditEvent("exports.scheduled", "failed", 0, Map.of("schedule", name), null, 0L, null, name, error));
    } catch (RuntimeException ignored) {
      // logged by AuditLog; the failure itself is reported below and in the schedule list
    }
    throw new IllegalStateException("scheduled export " + name + " failed after " + attempts + " attempts: " + error, last);
  }

  record Spec(ExportRequest request, Path destination) {}

  private Spec spec(String body) throws Exception {
    if (body == null || body.isBlank()) {
      throw new InvalidSchedule("the route gives no export: set the body to the export (query, template or columns, format, destination)");
    }
    JsonNode tree = YAML.readTree(body);
    if (!(tree instanceof ObjectNode node)) {
      throw new InvalidSchedule("the export must be a YAML/JSON object");
    }
    JsonNode destination = node.remove("destination");
    Path directory = destination(baseDir, destination == null ? null : destination.asText());
    JsonNode query = node.remove("query");
    if (query instanceof ObjectNode q) {
      node.setAll(q);
    }
    ExportRequest request = RequestBodies.read(node, ExportRequest.class, null);
    return new Spec(request, directory);
  }

  /**
   * The directory under the data dir a schedule writes to. Files with residents' data go only where the
   * hub's retention and permissions apply, so a destination is relative and stays inside the data dir.
   */
  static Path destination(Path baseDir, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidSchedule("destination (a directory under " + baseDir + ") is missing");
    }
    Path relative = Path.of(value);
    List<String> problems = new ArrayList<>();
    if (relative.isAbsolute() || value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*")) {
      problems.add("destination '" + value + "' is absolute; give a directory relative to the data dir " + baseDir + ", e.g. exports/scheduled/<name>");
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        problems.add("destination '" + value + "' contains '..'; a scheduled export writes only inside the data dir " + baseDir);
        break;
      }
    }
    Path resolved = baseDir.resolve(relative).normalize();
    if (problems.isEmpty() && !resolved.startsWith(baseDir.normalize())) {
      problems.add("destination '" + value + "' leads outside the data dir " + baseDir);
    }
    if (!problems.isEmpty()) {
      throw new InvalidSchedule(String.join("; ", problems));
    }
    return resolved;
  }

  /** A schedule whose definition is wrong: retrying cannot help, the route file must change. */
  static final class InvalidSchedule extends IllegalArgumentException {
    InvalidSchedule(String message) {
      super(message + " (fix the route in routes/)");
    }
  }

  private void record(String name, Instant started, String result, long rows, String file, int attempts, String error) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("started_at", started.toString());
    run.put("finished_at", clock.instant().toString());
    run.put("result", result);
    run.put("rows", rows);
    run.put("file", file);
    run.put("attempts", attempts);
    run.put("error", error);
    lastRuns.put(name, run);
  }

  /** Every scheduled export route: name, route id, cron, next run, last run result. */
  public List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    if (camel == null) {
      return out;
    }
    for (Route route : camel.getRoutes()) {
      if (!route.getRouteId().startsWith(PREFIX) || !(route.getEndpoint() instanceof QuartzEndpoint quartz)) {
        continue;
      }
      String name = route.getRouteId().substring(PREFIX.length());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      s.put("route_id", route.getRouteId());
      s.put("description", route.getDescription());
      s.put("cron", quartz.getCron());
      s.put("state", camel.getRouteController().getRouteStatus(route.getRouteId()).name().toLowerCase());
      try {
        var trigger = quartz.getComponent().getScheduler().getTrigger(quartz.getTriggerKey());
        s.put("next_run", trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant().toString());
      } catch (Exception e) {
        s.put("next_run", null);
      }
      s.put("last_run", lastRuns.get(name));
      out.add(s);
    }
    out.sort(Comparator.comparing(m -> (String) m.get("name")));
    return out;
  }

  Duration retryDelay() {
    return properties.retryDelay();
  }
}
