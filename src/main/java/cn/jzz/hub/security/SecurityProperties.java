package cn.jzz.hub.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.security.*}: who may call the hub and how.
 *
 * @param enabled false switches authentication off (every caller is an admin); refused in production
 * @param tokenLifetime lifetime of bearer tokens from {@code POST /api/v1/auth/token}
 * @param tokenKey base64 HMAC key for tokens (≥ 32 bytes), shared by every instance behind a load
 *     balancer; if absent a random key per process (a restart signs everyone out)
 * @param users people who log in with a password: name, PBKDF2 hash ({@code pbkdf2$…}, made with
 *     {@code PasswordHasher}), role ({@code admin}, {@code analyst}, {@code grid_worker@<code>}), grants
 * @param apiKeys systems: name, SHA-256 hex of the key, jurisdiction (optional), scopes (operations and
 *     grants)
 * @param oidc the claims of an OAuth2/OIDC issuer's tokens (the issuer: spring.security.oauth2.resourceserver.jwt.*)
 * @param tokenRequestsPerMinute token requests allowed per client address and minute (then 429)
 * @param lookupsPerMinute lookups by full ID number allowed per user and minute (then 429): the lookup
 *     confirms a number, so it must not become a way to test many
 * @param maxBodySize largest accepted request body (then 413)
 * @param adminPaths path prefixes only admins may call (403 for everyone else)
 * @param corsAllowedOrigins origins allowed cross-site; empty (the default) means CORS is off
 */
@ConfigurationProperties(prefix = "hub.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15m") Duration tokenLifetime,
    String tokenKey,
    @DefaultValue List<User> users,
    @DefaultValue List<ApiKey> apiKeys,
    @DefaultValue Oidc oidc,
    @DefaultValue("10") int tokenRequestsPerMinute,
    @DefaultValue("20") int lookupsPerMinute,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue({"/api/v1/sources", "/api/v1/mappings", "/api/v1/quarantine", "/api/v1/audit"}) List<String> adminPaths,
    @DefaultValue List<String> corsAllowedOrigins) {

  /**
   * @param username login name
   * @param passwordHash {@code pbkdf2$<iterations>$<salt>$<hash>}; plain passwords are never configured
   * @param role {@code admin}, {@code analyst}, {@code grid_worker@<division code>} or {@code system}
   * @param grants extra grants ({@code sensitive:<field>}, {@code restricted:<field>}, {@code unmask})
   */
  public record User(String username, String passwordHash, String role, @DefaultValue List<String> grants) {}

  /**
   * @param name the system's name (shown in the audit)
   * @param keyHash SHA-256 of the key, 64 hex digits
   * @param jurisdiction division code the system is limited to; absent = city-wide
   * @param scopes operations ({@code search}, {@code person}, {@code lookup}, {@code export}) and grants
   */
  public record ApiKey(String name, String keyHash, String jurisdiction, @DefaultValue List<String> scopes) {}

  /**
   * How the claims of an OAuth2/OIDC access token map onto a hub principal. The issuer itself, its keys
   * and the audiences are Spring Boot's standard {@code spring.security.oauth2.resourceserver.jwt.*}
   * ({@code issuer-uri}, {@code jwk-set-uri}, {@code audiences}, {@code principal-claim-name}).
   *
   * @param roleClaim claim holding the hub role: {@code admin}, {@code analyst}, {@code grid_worker},
   *     {@code system}, or with its area {@code grid_worker@<code>}
   * @param jurisdictionClaim claim holding the division code, when the role claim has none
   * @param grantsClaim claim holding the grants (a list)
   */
  public record Oidc(
      @DefaultValue("hub_role") String roleClaim,
      @DefaultValue("hub_jurisdiction") String jurisdictionClaim,
      @DefaultValue("hub_grants") String grantsClaim) {}
}
