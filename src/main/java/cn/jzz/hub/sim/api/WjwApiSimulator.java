package cn.jzz.hub.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 卫健委's health-record API (departments.md): {@code POST /api/v1/token} with {clientId,
 * clientSecret} → a bearer token valid 30 minutes; {@code GET /api/v1/health-records?updatedSince=
 * &offset=&limit=} (limit ≤ 500) → {@code {items,total,nextOffset}}, filtered on {@code updatedAt ≥
 * updatedSince}; an unknown or expired token → 401; and now and then HTTP 503, at a rate drawn from
 * a seeded generator.
 */
public final class WjwApiSimulator extends ApiSimulator {

  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

  private final String clientId;
  private final String clientSecret;
  private final Random random;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private volatile List<Map<String, Object>> records = List.of();
  private volatile double unavailableRate;
  private volatile long unavailableServed;
  private volatile long tokensIssued;

  public WjwApiSimulator(int port, String clientId, String clientSecret, long seed) {
    super(port, "wjw-api");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.random = new Random(seed);
  }

  @Override
  public WjwApiSimulator start() {
    super.start();
    return this;
  }

  /** Replaces the health records (fields as the API sends them: idCard, name, …, updatedAt). */
  public void dataset(List<Map<String, Object>> records) {
    this.records = List.copyOf(records);
  }

  /** The share of data requests answered with HTTP 503 (0 … 1). */
  public void unavailableRate(double rate) {
    this.unavailableRate = rate;
  }

  public long unavailableServed() {
    return unavailableServed;
  }

  public long tokensIssued() {
    return tokensIssued;
  }

  @Override
  Reply answer(Request request) {
    String path = path(request);
    if (path.equals("/api/v1/token") && "POST".equals(request.getMethod().getName())) {
      return token(request);
    }
    if (path.equals("/api/v1/health-records") && "GET".equals(request.getMethod().getName())) {
      return healthRecords(request);
    }
    return Reply.json(404, Map.of("error", "not found: " + path));
  }

  private Reply token(Request request) {
    JsonNode body;
    try {
      body = JSON.readTree(request.getBodyAsString());
    } catch (Exception e) {
      return Reply.json(400, Map.of("error", "invalid_request"));
    }
    if (body == null || !clientId.equals(body.path("clientId").asText()) || !clientSecret.equals(body.path("clientSecret").asText())) {
      return Reply.json(401, Map.of("error", "invalid_client"));
    }
    String token = UUID.randomUUID().toString();
    tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
    tokensIssued++;
    return Reply.json(200, Map.of("accessToken", token, "tokenType", "Bearer", "expiresIn", TOKEN_LIFETIME.toSeconds()));
  }

  private Reply healthRecords(Request request) {
    String authorization = request.getHeader("Authorization");
    Instant expires = authorization != null && authorization.startsWith("Bearer ") ? tokens.get(authorization.substring(7).trim()) : null;
    if (expires == null || !clock.instant().isBefore(expires)) {
      return Reply.json(401, Map.of("error", expires == null ? "invalid_token" : "token_expired"));
    }
    synchronized (random) {
      if (unavailableRate > 0 && random.nextDouble() < unavailableRate) {
        unavailableServed++;
        return Reply.json(503, Map.of("error", "service unavailable"));
      }
    }
    Map<String, String> params = query(request);
    Integer offset = intParam(params, "offset", 0);
    Integer limit = intParam(params, "limit", 100);
    if (offset == null || limit == null || offset < 0 || limit < 1 || limit > 500) {
      return Reply.json(400, Map.of("error", "offset must be ≥ 0 and limit 1…500"));
    }
    Instant since = null;
    if (params.containsKey("updatedSince")) {
      try {
        since = OffsetDateTime.parse(params.get("updatedSince")).toInstant();
      } catch (DateTimeParseException e) {
        return Reply.json(400, Map.of("error", "updatedSince must be ISO-8601 with an offset, e.g. 2026-11-20T10:00:00+08:00"));
      }
    }
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> record : records) {
      if (since == null || !updatedAt(record).isBefore(since)) {
        matching.add(record);
      }
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
      items.add(visible(matching.get(i)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    answer.put("total", matching.size());
    answer.put("nextOffset", offset + limit < matching.size() ? offset + limit : null);
    return Reply.json(200, answer);
  }

  private static Instant updatedAt(Map<String, Object> record) {
    Object value = record.get("updatedAt");
    try {
      return value == null ? Instant.EPOCH : OffsetDateTime.parse(value.toString()).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
