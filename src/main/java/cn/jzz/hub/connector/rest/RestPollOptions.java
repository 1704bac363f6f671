package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.support.ConfigProblems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Options of {@code type: rest}: an HTTP JSON API polled for changes since a watermark.
 *
 * @param baseUrl scheme, host and port, e.g. {@code http://127.0.0.1:18081}, or a placeholder such as
 *     {@code ${hub.sources.wjw.base-url:http://127.0.0.1:18081}} so each deployment names its own
 * @param auth how requests are authenticated
 * @param paging how a result is split into pages
 * @param watermark the query parameter that asks for changes since the last pass
 * @param resources the resources to read
 * @param rateLimitPerSecond the most requests per second the hub sends (default 5)
 * @param maxRetries attempts per request on 503, 429 and "too many calls" before the pass is given up
 *     and tried again later (default 6)
 * @param pollIntervalMs pause between passes (default 5000)
 * @param timeoutMs per request (default 15000)
 */
public record RestPollOptions(
    String baseUrl,
    Auth auth,
    Paging paging,
    WatermarkParam watermark,
    List<Resource> resources,
    Double rateLimitPerSecond,
    Integer maxRetries,
    Integer pollIntervalMs,
    Integer timeoutMs)
    implements ConnectorCatalog.Validated {

  static final Set<String> AUTH_TYPES = Set.of("bearer-token", "hmac-headers");
  static final Set<String> PAGING_TYPES = Set.of("offset", "page");
  static final Set<String> WATERMARK_FORMATS = Set.of("iso-offset", "yyyyMMddHHmmss");

  /**
   * @param type {@code bearer-token} (token from {@code token-path} with clientId/clientSecret, kept
   *     until shortly before it expires and renewed on a 401) or {@code hmac-headers} (X-Client-Id,
   *     X-Timestamp, X-Nonce, X-Signature on every request)
   * @param clientId the hub's client id at the API
   * @param clientSecret must be a {@code ${property}} placeholder, e.g. {@code
   *     ${hub.sources.wjw.client-secret}} (env {@code HUB_SOURCES_WJW_CLIENT_SECRET}): secrets stay out of git
   * @param tokenPath bearer-token only, default {@code /api/v1/token}
   */
  public record Auth(String type, String clientId, String clientSecret, String tokenPath) {}

  /**
   * @param type {@code offset} (offset/limit, answer {@code {items,total,nextOffset}}) or {@code page}
   *     (PAGE 1-based/PAGENUM, answer {@code {code,msg,data:{total,page,pageSize,rows}}})
   * @param size rows per request (offset: at most 500; page: at most 1000)
   */
  public record Paging(String type, Integer size) {}

  /**
   * @param param the query parameter, e.g. {@code updatedSince}
   * @param format {@code iso-offset} (ISO-8601 at +08:00) or {@code yyyyMMddHHmmss} (local time)
   * @param overlapSeconds for resources without {@code updated-field}: the next pass asks from this
   *     long before the previous pass started, for rows the API stamped late (default 300)
   */
  public record WatermarkParam(String param, String format, Integer overlapSeconds) {}

  /**
   * @param name the API resource and the raw events' entity ({@code health-records})
   * @param path the request path
   * @param keyFields the fields that identify a record (keyed through {@code RecordKeys})
   * @param updatedField the field telling when a record changed; the next watermark is its largest
   *     value in a pass. Without it, the next watermark is the pass's start less the overlap
   */
  public record Resource(String name, String path, List<String> keyFields, String updatedField) {}

  @Override
  public List<Problem> validate() {
    List<Problem> problems = new ArrayList<>();
    if (baseUrl == null || !(isBaseUrl(baseUrl) || baseUrl.matches("\\$\\{[^}]+}"))) {
      problems.add(new Problem("base-url", "required: scheme, host and port only, e.g. http://127.0.0.1:18081, or a ${property:default} placeholder"));
    }
    if (auth == null || auth.type() == null || !AUTH_TYPES.contains(auth.type())) {
      problems.add(new Problem("auth.type", "must be one of " + new java.util.TreeSet<>(AUTH_TYPES)));
    } else {
      if (auth.clientId() == null || auth.clientId().isBlank()) {
        problems.add(new Problem("auth.client-id", "required: the hub's client id at the API"));
      }
      if (auth.clientSecret() == null || !auth.clientSecret().matches("\\$\\{[^}]+}")) {
        problems.add(new Problem("auth.client-secret", "must be a ${property} placeholder such as ${hub.sources.<source>.client-secret}, set through the environment; secrets are never written into connectors/*.yaml"));
      }
      if (auth.tokenPath() != null && !"bearer-token".equals(auth.type())) {
        problems.add(new Problem("auth.token-path", "only bearer-token fetches a token"));
      }
    }
    if (paging == null || paging.type() == null || !PAGING_TYPES.contains(paging.type())) {
      problems.add(new Problem("paging.type", "must be one of " + new java.util.TreeSet<>(PAGING_TYPES)));
    } else if (paging.size() != null) {
      int max = "offset".equals(paging.type()) ? 500 : 1000;
      if (paging.size() < 1 || paging.size() > max) {
        problems.add(new Problem("paging.size", "must be 1…" + max + " for " + paging.type() + " paging"));
      }
    }
    if (watermark == null || watermark.param() == null || watermark.param().isBlank()) {
      problems.add(new Problem("watermark.param", "required: the query parameter for changes since, e.g. updatedSince"));
    } else if (watermark.format() == null || !WATERMARK_FORMATS.contains(watermark.format())) {
      problems.add(new Problem("watermark.format", "must be one of " + new java.util.TreeSet<>(WATERMARK_FORMATS)));
    }
    if (resources == null || resources.isEmpty()) {
      problems.add(new Problem("resources", "required: e.g. [{name: health-records, path: /api/v1/health-records, key-fields: [idCard]}]"));
    } else {
      for (int i = 0; i < resources.size(); i++) {
        Resource r = resources.get(i);
        String at = "resources[" + i + "]";
        if (r == null || r.name() == null || !r.name().matches("[a-z][a-z0-9_-]*")) {
          problems.add(new Problem(at + ".name", "required, lower case, e.g. health-records"));
        }
        if (r != null && (r.path() == null || !r.path().startsWith("/"))) {
          problems.add(new Problem(at + ".path", "required, starting with /"));
        }
        if (r != null && (r.keyFields() == null || r.keyFields().isEmpty())) {
          problems.add(new Problem(at + ".key-fields", "required: the fields that identify a record, e.g. [idCard]"));
        }
      }
    }
    if (rateLimitPerSecond != null && (rateLimitPerSecond <= 0 || rateLimitPerSecond > 1000)) {
      problems.add(new Problem("rate-limit-per-second", "must be above 0 and at most 1000"));
    }
    if (maxRetries != null && (maxRetries < 0 || maxRetries > 20)) {
      problems.add(new Problem("max-retries", "must be 0…20"));
    }
    if (pollIntervalMs != null && pollIntervalMs < 100) {
      problems.add(new Problem("poll-interval-ms", "must be at least 100"));
    }
    if (timeoutMs != null && timeoutMs < 100) {
      problems.add(new Problem("timeout-ms", "must be at least 100"));
    }
    return problems;
  }

  static boolean isBaseUrl(String url) {
    return url.matches("https?://[^/?#]+");
  }

  int pageSize() {
    return paging.size() != null ? paging.size() : ("offset".equals(paging.type()) ? 500 : 1000);
  }

  double rateLimit() {
    return rateLimitPerSecond == null ? 5 : rateLimitPerSecond;
  }

  int retries() {
    return maxRetries == null ? 6 : maxRetries;
  }

  int pollInterval() {
    return pollIntervalMs == null ? 5000 : pollIntervalMs;
  }

  int timeout() {
    return timeoutMs == null ? 15000 : timeoutMs;
  }

  int overlapSeconds() {
    return watermark.overlapSeconds() == null ? 300 : watermark.overlapSeconds();
  }
}
