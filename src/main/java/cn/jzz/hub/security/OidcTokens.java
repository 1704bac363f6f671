package cn.jzz.hub.security;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub as an OAuth2/OIDC resource server: accepts RS256 access tokens of the configured issuer
 * (signature from its JWK set, {@code iss}, {@code aud}, {@code exp}, {@code nbf}) and maps the role and
 * grants claims onto a {@link Principal}. Off unless {@code hub.security.oidc.issuer-uri} is set.
 */
public final class OidcTokens {

  private static final Logger log = LoggerFactory.getLogger(OidcTokens.class);
  private static final Base64.Decoder URL = Base64.getUrlDecoder();

  private final SecurityProperties.Oidc config;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private volatile long lastFetch;

  public OidcTokens(SecurityProperties.Oidc config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public Optional<Principal> verify(String token) {
    if (!config.enabled() || token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = Json.MAPPER.readTree(URL.decode(parts[0]));
      if (!"RS256".equals(header.path("alg").asText())) {
        return Optional.empty();
      }
      PublicKey key = key(header.path("kid").asText(""));
      if (key == null) {
        return Optional.empty();
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(URL.decode(parts[2]))) {
        return Optional.empty();
      }
      JsonNode claims = Json.MAPPER.readTree(URL.decode(parts[1]));
      long now = clock.instant().getEpochSecond();
      if (!config.issuerUri().equals(claims.path("iss").asText())
          || claims.path("exp").asLong(0) < now
          || claims.path("nbf").asLong(0) > now
          || !audienceMatches(claims.path("aud"))) {
        return Optional.empty();
      }
      List<String> grants = new ArrayList<>();
      claims.path(config.grantsClaim()).forEach(g -> grants.add(g.asText()));
      return Optional.of(Roles.principal(claims.path("sub").asText(), claims.path(config.roleClaim()).asText(null), grants));
    } catch (Exception e) {
      // A malformed or foreign token is simply not ours: 401, without echoing it.
      return Optional.empty();
    }
  }

  private boolean audienceMatches(JsonNode aud) {
    if (config.audience() == null || config.audience().isBlank()) {
      return true;
    }
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        if (config.audience().equals(a.asText())) {
          return true;
        }
      }
      return false;
    }
    return config.audience().equals(aud.asText());
  }

  private PublicKey key(String kid) throws Exception {
    PublicKey key = keys.get(kid);
    // An unknown kid may be a rotated key: fetch again, at most once a minute.
    if (key == null && clock.millis() - lastFetch > 60_000) {
      lastFetch = clock.millis();
      fetch();
      key = keys.get(kid);
    }
    return key;
  }

  private void fetch() {
    try {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(URI.create(config.jwkSetUri())).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode jwk : Json.MAPPER.readTree(response.body()).path("keys")) {
        if ("RSA".equals(jwk.path("kty").asText())) {
          RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, URL.decode(jwk.path("n").asText())), new BigInteger(1, URL.decode(jwk.path("e").asText())));
          keys.put(jwk.path("kid").asText(""), KeyFactory.getInstance("RSA").generatePublic(spec));
        }
      }
    } catch (Exception e) {
      log.warn("cannot read the OIDC key set at {}: {}", config.jwkSetUri(), e.getMessage());
    }
  }
}
