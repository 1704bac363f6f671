package cn.jzz.hub.security;

import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Short-lived signed bearer tokens: {@code base64url(claims).base64url(HMAC-SHA256)}. */
public final class TokenService {

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private final byte[] key;
  private final Duration lifetime;
  private final Clock clock;

  public TokenService(byte[] key, Duration lifetime, Clock clock) {
    this.key = key.clone();
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issue(Principal principal) {
    long exp = clock.instant().plus(lifetime).getEpochSecond();
    String claims =
        Json.write(
            Map.of(
                "sub", principal.username(),
                "role", principal.role().name(),
                "scope", principal.scope() == null ? "" : principal.scope(),
                "grants", new java.util.TreeSet<>(principal.grants()),
                "exp", exp));
    String payload = ENC.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENC.encodeToString(sign(payload));
  }

  public Optional<Principal> verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    try {
      if (!MessageDigest.isEqual(sign(payload), DEC.decode(token.substring(dot + 1)))) {
        return Optional.empty();
      }
      var claims = Json.MAPPER.readTree(DEC.decode(payload));
      if (claims.path("exp").asLong() < clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      String scope = claims.path("scope").asText("");
      java.util.Set<String> grants = new java.util.HashSet<>();
      claims.path("grants").forEach(g -> grants.add(g.asText()));
      return Optional.of(new Principal(claims.path("sub").asText(), Principal.Role.valueOf(claims.path("role").asText()), scope.isEmpty() ? null : scope, grants));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
