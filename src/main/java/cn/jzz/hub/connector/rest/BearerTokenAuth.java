package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code auth.type: bearer-token}: a token from {@code POST <token-path>} with {clientId,
 * clientSecret}, reused until one minute before it expires (the API says how long it lives; 30 minutes
 * if it does not) and fetched again after a 401.
 */
final class BearerTokenAuth implements AuthStrategy {

  private static final Duration MARGIN = Duration.ofMinutes(1);
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

  private final String source;
  private final String tokenPath;
  private final String clientId;
  private final String secret;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  BearerTokenAuth(String source, String tokenPath, String clientId, String secret, Clock clock) {
    this.source = source;
    this.tokenPath = tokenPath == null ? "/api/v1/token" : tokenPath;
    this.clientId = clientId;
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public synchronized Map<String, String> headers(RestClient client) throws Exception {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch(client);
    }
    return Map.of("Authorization", "Bearer " + token);
  }

  private void fetch(RestClient client) throws Exception {
    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("clientId", clientId);
    credentials.put("clientSecret", secret);
    Instant asked = clock.instant();
    HttpTransport.Response response = client.sendUnauthenticated("POST", tokenPath, null, Json.write(credentials));
    if (response.status() == 401 || response.status() == 403) {
      throw IngestException.permanent(source, "auth", "the token endpoint " + tokenPath + " refused client '" + clientId + "' (HTTP "
          + response.status() + "); check auth.client-id and the client secret (hub.sources." + source + ".client-secret), then resume the source");
    }
    if (response.status() / 100 != 2) {
      throw IngestException.retriable(source, "auth", "the token endpoint answered HTTP " + response.status(), null);
    }
    JsonNode body = Json.MAPPER.readTree(response.body());
    String value = firstText(body, "accessToken", "access_token", "token");
    if (value == null) {
      throw IngestException.permanent(source, "auth", "the token endpoint's answer has no accessToken/access_token/token field");
    }
    long seconds = body.path("expiresIn").asLong(body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds()));
    token = value;
    renewAt = asked.plusSeconds(seconds).minus(MARGIN);
  }

  private static String firstText(JsonNode body, String... names) {
    for (String name : names) {
      if (body.hasNonNull(name)) {
        return body.get(name).asText();
      }
    }
    return null;
  }

  @Override
  public synchronized boolean refresh() {
    token = null;
    return true;
  }
}
