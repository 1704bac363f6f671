package cn.jzz.hub.connector.rest;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** {@code auth.type: hmac-headers}: every request signed afresh, with its own nonce. */
final class HmacHeadersAuth implements AuthStrategy {

  private final String clientId;
  private final String secret;
  private final Clock clock;

  HmacHeadersAuth(String clientId, String secret, Clock clock) {
    this.clientId = clientId;
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public Map<String, String> headers(RestClient client) {
    String timestamp = String.valueOf(clock.millis());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    return Map.of(
        "X-Client-Id", clientId,
        "X-Timestamp", timestamp,
        "X-Nonce", nonce,
        "X-Signature", HmacSigner.sign(secret, clientId, timestamp, nonce));
  }

  @Override
  public boolean refresh() {
    return false; // nothing is cached: a refused signature stays refused
  }
}
