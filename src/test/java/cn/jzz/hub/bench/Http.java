package cn.jzz.hub.bench;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A trivial JSON-over-HTTP client for Elasticsearch and the hub: no retries, no pooling tricks. */
public final class Http {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public record Answer(int status, String body) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body.substring(0, Math.min(200, body.length())), e);
      }
    }

    public Answer ok() {
      if (status >= 300) {
        throw new IllegalStateException("HTTP " + status + ": " + body.substring(0, Math.min(500, body.length())));
      }
      return this;
    }
  }

  public Answer send(String method, String path, String body, String contentType, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(base + path))
            // a safety net, not a measure: reconciling a million residents answers after more than 5 minutes
            .timeout(Duration.ofMinutes(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", contentType);
    }
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  public Answer get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null, null);
  }

  public Answer json(String method, String path, Object body) throws IOException, InterruptedException {
    return send(method, path, body == null ? null : body instanceof String s ? s : Json.write(body), "application/json", null);
  }

  public Answer ndjson(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, body, "application/x-ndjson", null);
  }
}
