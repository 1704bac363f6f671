package cn.jzz.hub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A simulated OIDC identity provider (an edge the hub does not own): a WireMock server with the
 * discovery document and the JWK set of a test RSA key, and a signer of access tokens.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String AUDIENCE = "jzz-hub";

  private final WireMockServer server;
  private final RSAKey key;
  /** A key of nobody: signs tokens whose signature the hub must reject. */
  private final RSAKey stranger;

  public TestIdentityProvider() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("hub-test-1").generate();
    stranger = new RSAKeyGenerator(2048).keyID("hub-test-1").generate();
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get(urlEqualTo("/.well-known/openid-configuration"))
        .willReturn(okJson(Json.write(Map.of("issuer", issuer(), "jwks_uri", issuer() + "/jwks", "id_token_signing_alg_values_supported", java.util.List.of("RS256"),
            "subject_types_supported", java.util.List.of("public"), "response_types_supported", java.util.List.of("code"))))));
    server.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A valid token for the hub with these extra claims (null values are left out). */
  public String token(String subject, Map<String, Object> claims) throws Exception {
    return sign(key, key.getKeyID(), base(subject, claims).build());
  }

  public JWTClaimsSet.Builder base(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    claims.forEach((k, v) -> {
      if (v != null) {
        b.claim(k, v);
      }
    });
    return b;
  }

  public String sign(JWTClaimsSet claims) throws Exception {
    return sign(key, key.getKeyID(), claims);
  }

  /** Signed by a key the provider never published, under the published key's id. */
  public String signWithStrangerKey(JWTClaimsSet claims) throws Exception {
    return sign(stranger, key.getKeyID(), claims);
  }

  /** Signed by the right key but naming a key id the provider does not know. */
  public String signWithUnknownKid(JWTClaimsSet claims) throws Exception {
    return sign(key, "rotated-away", claims);
  }

  private static String sign(RSAKey signer, String kid, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop();
  }
}
