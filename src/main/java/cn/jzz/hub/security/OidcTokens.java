package cn.jzz.hub.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The hub as an OAuth2/OIDC resource server. Signature, {@code iss}, {@code aud}, {@code exp} and
 * {@code nbf} are checked by Spring Security's {@link NimbusJwtDecoder}, configured from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties; the hub maps the token's role,
 * jurisdiction and grants claims ({@code hub.security.oidc.*}) onto a {@link Principal}.
 */
public final class OidcTokens {

  private final JwtDecoder decoder;
  private final SecurityProperties.Oidc claims;
  private final String principalClaim;

  OidcTokens(JwtDecoder decoder, SecurityProperties.Oidc claims, String principalClaim) {
    this.decoder = decoder;
    this.claims = claims;
    this.principalClaim = principalClaim;
  }

  /** The issuer's tokens are accepted when {@code issuer-uri} or {@code jwk-set-uri} is set; else null. */
  static OidcTokens of(OAuth2ResourceServerProperties.Jwt jwt, SecurityProperties.Oidc claims) {
    if (!configured(jwt.getIssuerUri()) && !configured(jwt.getJwkSetUri())) {
      return null;
    }
    return new OidcTokens(decoder(jwt), claims, jwt.getPrincipalClaimName());
  }

  /**
   * Built here rather than by Boot's OAuth2ResourceServerAutoConfiguration: that one comes with
   * spring-security-config and its default filter chain, which would stand in front of AuthFilter.
   * Same properties, same validators as Boot's: timestamps and issuer, plus the audiences if listed.
   */
  static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(configured(jwt.getIssuerUri()) ? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()) : JwtValidators.createDefault());
    List<String> audiences = jwt.getAudiences();
    if (!audiences.isEmpty()) {
      validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }
    OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
    if (configured(jwt.getJwkSetUri())) {
      NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).jwsAlgorithms(algorithms -> algorithms(jwt, algorithms)).build();
      nimbus.setJwtValidator(validator);
      return nimbus;
    }
    // Discovery (/.well-known/openid-configuration) on the first token, so the hub starts while the
    // identity provider is down; a failed discovery is retried with the next token.
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri()).jwsAlgorithms(algorithms -> algorithms(jwt, algorithms)).build();
      nimbus.setJwtValidator(validator);
      return nimbus;
    });
  }

  private static void algorithms(OAuth2ResourceServerProperties.Jwt jwt, java.util.Set<SignatureAlgorithm> out) {
    out.clear();
    jwt.getJwsAlgorithms().forEach(a -> out.add(SignatureAlgorithm.from(a)));
  }

  private static boolean configured(String uri) {
    return uri != null && !uri.isBlank();
  }

  /** The caller the token names, or why it is refused (401 for the token, 403 for its hub claims). */
  public Authentication authenticate(String token) {
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtValidationException e) {
      String why = e.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
      return Authentication.refused(401, "INVALID_TOKEN", "the identity provider's token was refused: " + why);
    } catch (BadJwtException e) {
      return Authentication.refused(401, "INVALID_TOKEN", "the identity provider's token was refused: " + e.getMessage());
    } catch (JwtException e) {
      // The key set or the discovery document could not be read: not the caller's fault.
      return Authentication.refused(503, "IDENTITY_PROVIDER_UNAVAILABLE", "the identity provider's keys could not be read; try again later");
    }
    String username = principalClaim != null && jwt.hasClaim(principalClaim) ? jwt.getClaimAsString(principalClaim) : jwt.getSubject();
    String role = jwt.getClaimAsString(claims.roleClaim());
    if (role == null || role.isBlank()) {
      return Authentication.refused(403, "ROLE_MISSING",
          "the token of '" + username + "' has no '" + claims.roleClaim() + "' claim; the identity provider must assign one of admin, analyst, grid_worker (with '" + claims.jurisdictionClaim() + "') or system");
    }
    String jurisdiction = jwt.getClaimAsString(claims.jurisdictionClaim());
    if (!role.contains("@") && jurisdiction != null && !jurisdiction.isBlank()) {
      role = role + "@" + jurisdiction;
    }
    List<String> grants = jwt.hasClaim(claims.grantsClaim()) ? jwt.getClaimAsStringList(claims.grantsClaim()) : List.of();
    try {
      return Authentication.of(Roles.principal(username, role, grants == null ? List.of() : grants).from(Principal.Origin.oidc));
    } catch (IllegalArgumentException e) {
      return Authentication.refused(403, "ROLE_INVALID", "the token of '" + username + "' carries hub claims the hub does not accept: " + e.getMessage());
    }
  }
}
