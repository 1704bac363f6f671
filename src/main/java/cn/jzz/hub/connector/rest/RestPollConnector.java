package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.StateStore;
import cn.jzz.hub.connector.camel.CamelSourceConnector;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Polls an HTTP API: each pass asks every resource for what changed since its watermark, page by
 * page, publishing each page; only after the whole pass was published does the watermark advance, so
 * a pass broken off by a crash or an outage is asked again in full (at-least-once, never a gap).
 */
final class RestPollConnector extends CamelSourceConnector {

  static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final ZoneOffset PLUS_8 = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final String STATE = "watermarks.json";

  private final RestPollOptions options;
  private final StateStore state;
  private final Clock clock;
  private final Map<String, ResourceState> watermarks = new HashMap<>();

  /**
   * Where a resource's next pass starts, and the rows of its last pass (key → row hash): an API's
   * "since" filter is inclusive, and batch jobs stamp many rows with one time, so each pass reads
   * rows again; those unchanged since they were published are not published again.
   */
  record ResourceState(Instant since, Map<String, String> lastPass) {}
  private final PagingStrategy paging;
  private RestClient client;
  private CamelHttpTransport transport;

  RestPollConnector(String source, String type, RestPollOptions options, ConnectorContext context, Clock clock) {
    super(source, type, context);
    this.options = options;
    this.state = context.state(source);
    this.clock = clock;
    this.paging = PagingStrategy.of(options.paging().type());
  }

  @Override
  protected String fromUri() {
    return pollUri(options.pollInterval());
  }

  @Override
  protected void prepare() {
    String secret;
    try {
      secret = context.placeholders().apply(options.auth().clientSecret());
    } catch (IllegalArgumentException e) {
      String property = options.auth().clientSecret().replaceAll("^\\$\\{|}$", "").replaceAll(":.*$", "");
      throw IngestException.permanent(source, "configure", "the client secret " + options.auth().clientSecret() + " is not set: set " + property
          + " (env " + property.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_") + "), then resume the source");
    }
    String baseUrl;
    try {
      baseUrl = context.placeholders().apply(options.baseUrl());
    } catch (IllegalArgumentException e) {
      throw IngestException.permanent(source, "configure", "options.base-url " + options.baseUrl() + " cannot be resolved: " + e.getMessage());
    }
    if (!RestPollOptions.isBaseUrl(baseUrl)) {
      throw IngestException.permanent(source, "configure", "options.base-url resolved to '" + baseUrl + "'; it must be scheme, host and port, e.g. http://127.0.0.1:18081");
    }
    String clientId;
    try {
      clientId = context.placeholders().apply(options.auth().clientId());
    } catch (IllegalArgumentException e) {
      throw IngestException.permanent(source, "configure", "options.auth.client-id " + options.auth().clientId() + " cannot be resolved: " + e.getMessage());
    }
    AuthStrategy auth =
        "bearer-token".equals(options.auth().type())
            ? new BearerTokenAuth(source, options.auth().tokenPath(), clientId, secret, clock)
            : new HmacHeadersAuth(clientId, secret, clock);
    transport = new CamelHttpTransport(context.camel(), baseUrl, options.timeout());
    client = new RestClient(source, transport, auth, new RateLimiter(options.rateLimit()), options.retries(), Thread::sleep, this::stopping, monitor::retrying);
    watermarks.clear();
    watermarks.putAll(state.read(STATE, new TypeReference<Map<String, ResourceState>>() {}).orElse(Map.of()));
  }

  @Override
  protected void work(Exchange exchange) throws Exception {
    for (RestPollOptions.Resource resource : options.resources()) {
      pass(resource);
    }
  }

  /** One full pass over a resource since its watermark; advances the watermark once all of it was published. */
  void pass(RestPollOptions.Resource resource) throws Exception {
    Instant started = clock.instant();
    ResourceState previous = watermarks.getOrDefault(resource.name(), new ResourceState(null, Map.of()));
    Instant since = previous.since();
    Map<String, String> thisPass = new HashMap<>();
    Instant newest = null;
    int cursor = paging.first();
    long seen = 0;
    while (!stopping()) {
      Map<String, String> params = new LinkedHashMap<>();
      if (since != null) {
        params.put(options.watermark().param(), format(since));
      }
      params.putAll(paging.params(cursor, options.pageSize()));
      JsonNode body = client.get(resource.path(), params);
      monitor.running(); // the API answers: a source in its first pass is running, and a retried request is over
      PagingStrategy.Page page = paging.parse(source, body, cursor, options.pageSize());
      List<RawEvent> events = new ArrayList<>(page.rows().size());
      for (JsonNode row : page.rows()) {
        Map<String, Object> values = Json.MAPPER.convertValue(row, new TypeReference<LinkedHashMap<String, Object>>() {});
        Instant updated = resource.updatedField() == null ? null : parseTime(values.get(resource.updatedField()));
        if (updated != null && (newest == null || updated.isAfter(newest))) {
          newest = updated;
        }
        String key = keyOf(resource, values);
        String hash = cn.jzz.hub.connector.RowHash.of(values);
        thisPass.put(key, hash);
        if (hash.equals(previous.lastPass().get(key))) {
          continue; // read again through the inclusive "since", unchanged
        }
        events.add(new RawEvent(source, resource.name(), "r", key, values, null, updated != null ? updated : started,
            resource.name() + "@" + (since == null ? "start" : format(since)) + "#" + cursor));
      }
      publish(events);
      seen += page.rows().size();
      monitor.lag(Math.max(0, page.total() - seen));
      if (page.next() == null) {
        break;
      }
      cursor = page.next();
    }
    if (stopping()) {
      return; // an unfinished pass does not move the watermark
    }
    // The next pass asks from a little before this one started: a page served before a row changed
    // must not let the watermark run past that row. Rows read again unchanged are not published again.
    Instant upTo = resource.updatedField() != null && newest != null && newest.isBefore(started) ? newest : started;
    Instant next = resource.updatedField() != null && newest == null ? since : upTo.minusSeconds(options.overlapSeconds());
    if (next == null || (since != null && next.isBefore(since))) {
      next = since;
    }
    watermarks.put(resource.name(), new ResourceState(next, thisPass));
    state.write(STATE, watermarks);
    monitor.lag(0L);
  }

  private String keyOf(RestPollOptions.Resource resource, Map<String, Object> values) {
    List<String> natural = new ArrayList<>(resource.keyFields().size());
    for (String field : resource.keyFields()) {
      Object value = values.get(field);
      natural.add(value == null ? "" : value.toString());
    }
    return context.recordKeys().key(source, resource.name(), natural);
  }

  String format(Instant instant) {
    if ("iso-offset".equals(options.watermark().format())) {
      return OffsetDateTime.ofInstant(instant, PLUS_8).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    return LocalDateTime.ofInstant(instant, LOCAL).format(COMPACT);
  }

  /** ISO with offset, ISO local, yyyyMMddHHmmss or yyyyMMdd; local forms are Asia/Shanghai. */
  static Instant parseTime(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    try {
      if (text.length() > 19 && (text.contains("+") || text.endsWith("Z") || text.lastIndexOf('-') > 9)) {
        return OffsetDateTime.parse(text).toInstant();
      }
      if (text.contains("T")) {
        return LocalDateTime.parse(text).atZone(LOCAL).toInstant();
      }
      if (text.length() == 14) {
        return LocalDateTime.parse(text, COMPACT).atZone(LOCAL).toInstant();
      }
      if (text.length() == 8) {
        return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(LOCAL).toInstant();
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  RestClient client() {
    return client;
  }

  @Override
  public synchronized void stop() {
    super.stop();
    if (transport != null) {
      try {
        transport.close();
      } catch (Exception ignored) {
        // closing a template cannot fail in a way that matters here
      }
      transport = null;
    }
  }
}
