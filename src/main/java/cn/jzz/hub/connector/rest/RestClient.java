package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One API's requests with authentication, the client-side rate limit and retries. Decides in one place
 * what an answer means: 503, other 5xx, 429 and the gateway's 10004 (调用次数超限) are retried with
 * exponential backoff; a 401 renews a bearer token once; the gateway's 10002 (令牌无效), a refused
 * token request and any other 4xx are permanent and stop the source.
 */
final class RestClient {

  /** Waits between attempts; tests replace it. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  static final int BAD_SIGNATURE = 10002;
  static final int TOO_MANY_CALLS = 10004;

  private final String source;
  private final HttpTransport transport;
  private final AuthStrategy auth;
  private final RateLimiter limiter;
  private final int maxRetries;
  private final Sleeper sleeper;
  private final BooleanSupplier stopping;
  private final Consumer<String> onRetry;
  private long retries;

  /**
   * @param onRetry told each retried attempt's reason, so the source's status says "retrying" while a
   *     request is being retried (a minute and more with backoff), not a silent "running"
   */
  RestClient(String source, HttpTransport transport, AuthStrategy auth, RateLimiter limiter, int maxRetries, Sleeper sleeper, BooleanSupplier stopping,
      Consumer<String> onRetry) {
    this.source = source;
    this.transport = transport;
    this.auth = auth;
    this.limiter = limiter;
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
    this.stopping = stopping;
    this.onRetry = onRetry;
  }

  /** Retried attempts so far (429, 503, 10004, transport errors), for the status page and tests. */
  long retries() {
    return retries;
  }

  HttpTransport.Response sendUnauthenticated(String method, String path, String query, String body) throws IOException, InterruptedException {
    limiter.acquire();
    return transport.send(new HttpTransport.Request(method, path, query, Map.of("Accept", "application/json"), body));
  }

  JsonNode get(String path, Map<String, String> params) throws Exception {
    String query = query(params);
    String last = null;
    boolean renewed = false;
    for (int attempt = 0; attempt <= maxRetries; attempt++) {
      if (stopping.getAsBoolean()) {
        throw new InterruptedException("stopping");
      }
      if (attempt > 0) {
        retries++;
        onRetry.accept(last + " (attempt " + (attempt + 1) + " of " + (maxRetries + 1) + ")");
        sleeper.sleep(Math.min(8000L, 250L << Math.min(attempt - 1, 10)));
      }
      HttpTransport.Response response;
      try {
        Map<String, String> headers = new java.util.LinkedHashMap<>(auth.headers(this));
        headers.put("Accept", "application/json");
        limiter.acquire();
        response = transport.send(new HttpTransport.Request("GET", path, query, headers, null));
      } catch (IOException e) {
        last = "no answer from " + path + ": " + e.getMessage();
        continue;
      } catch (IngestException e) {
        if (!e.retriable()) {
          throw e;
        }
        last = e.getMessage();
        continue;
      }
      JsonNode body = parse(response.body());
      int code = body != null && body.path("code").isNumber() ? body.path("code").asInt() : 0;
      if (code == BAD_SIGNATURE) {
        throw IngestException.permanent(source, "auth", "the gateway refused the request signature (" + BAD_SIGNATURE + " " + body.path("msg").asText()
            + "); check auth.client-id and hub.sources." + source + ".client-secret, and that this machine's clock is right (X-Timestamp is accepted for 10 minutes)");
      }
      if (response.status() == 401) {
        if (!renewed && auth.refresh()) {
          renewed = true;
          attempt--; // a renewed token is not a retry
          continue;
        }
        throw IngestException.permanent(source, "auth", "the API refused the credentials for " + path + " (HTTP 401); check auth.client-id and hub.sources." + source + ".client-secret");
      }
      if (response.status() == 429 || response.status() >= 500 || code == TOO_MANY_CALLS) {
        last = path + " answered HTTP " + response.status() + (code != 0 ? " code " + code + " " + body.path("msg").asText() : "");
        continue;
      }
      if (response.status() / 100 != 2) {
        throw IngestException.permanent(source, "fetch", path + " answered HTTP " + response.status() + ": " + head(response.body())
            + "; check the resource path and paging options in connectors/" + source + ".yaml");
      }
      if (body == null) {
        throw IngestException.permanent(source, "fetch", path + " did not answer JSON: " + head(response.body()));
      }
      if (code != 0 && code != 200) {
        throw IngestException.permanent(source, "fetch", path + " answered code " + code + " " + body.path("msg").asText());
      }
      return body;
    }
    throw IngestException.retriable(source, "fetch", "gave up after " + (maxRetries + 1) + " attempts; last: " + last + "; the pass is tried again later", null);
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String head(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  static String query(Map<String, String> params) {
    StringJoiner joined = new StringJoiner("&");
    params.forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joined.toString();
  }
}
