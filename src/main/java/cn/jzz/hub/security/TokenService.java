package cn.jzz.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * The hub's own bearer tokens: standard JWTs (HS256), signed and verified with Nimbus through Spring
 * Security's encoder and decoder — the same library the OIDC path uses — with issuer, subject,
 * expiry and the role, scope and grants claims.
 */
public final class TokenService {

  /** The {@code iss} of the hub's own tokens: an identity provider's tokens carry their own. */
  public static final String ISSUER = "jzz-hub";

  private final NimbusJwtEncoder encoder;
  private final NimbusJwtDecoder decoder;
  private final Duration lifetime;
  private final Clock clock;

  public TokenService(byte[] key, Duration lifetime, Clock clock) {
    SecretKeySpec secret = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secret));
    this.decoder = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    expiry.setClock(clock);
    this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER)));
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issue(Principal principal) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(ISSUER)
        .subject(principal.username())
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .claim("role", principal.role().name())
        .claim("grants", List.copyOf(new TreeSet<>(principal.grants())));
    if (principal.scope() != null) {
      claims.claim("scope", principal.scope());
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  /** The principal of a valid, unexpired token of this hub; empty for anything else. */
  public Optional<Principal> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      Jwt jwt = decoder.decode(token);
      Set<String> grants = new HashSet<>(Optional.ofNullable(jwt.getClaimAsStringList("grants")).orElse(List.of()));
      return Optional.of(new Principal(jwt.getSubject(), Principal.Role.valueOf(jwt.getClaimAsString("role")), jwt.getClaimAsString("scope"), grants));
    } catch (JwtException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
