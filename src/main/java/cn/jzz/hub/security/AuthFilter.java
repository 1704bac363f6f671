package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiErrors;
import cn.jzz.hub.support.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates, inside Spring Security's filter chain: a bearer token (the hub's own or, if
 * configured, the OIDC issuer's; {@code oidc} is null when none is) or an {@code X-API-Key} becomes
 * the request's {@link Principal}, in the security context (authority {@code ROLE_<role>}) and as a
 * request attribute for the controllers. It decides nothing about paths: which path needs what is the
 * chain's {@code authorizeHttpRequests} in {@link WebSecurity}, matched on the firewall-normalised,
 * decoded path (the hand-written filter this replaces decided on the encoded URI, so
 * {@code /%61ctuator/prometheus} passed it). Refused reads of resident data are written to the audit.
 */
public final class AuthFilter extends OncePerRequestFilter {

  public static final String PRINCIPAL = AuthFilter.class.getName() + ".principal";
  private static final List<String> AUDITED_PATHS = List.of("/api/v1/residents", "/api/v1/exports", "/api/v1/audit");

  private final TokenService tokens;
  private final ApiKeys apiKeys;
  private final OidcTokens oidc;
  private final SecurityProperties properties;
  private final AuditLog audit;

  public AuthFilter(TokenService tokens, ApiKeys apiKeys, OidcTokens oidc, SecurityProperties properties, AuditLog audit) {
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.oidc = oidc;
    this.properties = properties;
    this.audit = audit;
  }

  /** The authenticated caller of a request that passed the chain. */
  public static Principal principal(HttpServletRequest request) {
    Object p = request.getAttribute(PRINCIPAL);
    if (!(p instanceof Principal principal)) {
      throw new IllegalStateException("no principal on this request: is the path permitted without authentication?");
    }
    return principal;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = authenticate(request);
    if (authentication == null) {
      // No credentials: the chain's authorization decides (401 by the entry point where they are needed).
      chain.doFilter(request, response);
      return;
    }
    if (!authentication.accepted()) {
      if (authentication.status() == 401) {
        WebSecurity.unauthorized(response, authentication.code(), authentication.message());
      } else {
        write(response, authentication.status(), authentication.code(), authentication.message());
      }
      auditRefusal(request, null, authentication.status(), authentication.code());
      return;
    }
    Principal caller = authentication.principal();
    request.setAttribute(PRINCIPAL, caller);
    var token = new PreAuthenticatedAuthenticationToken(caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
    SecurityContextHolder.getContext().setAuthentication(token);
    chain.doFilter(request, response);
    if (response.getStatus() >= 400 && request.getAttribute(AuditLog.AUDITED) == null) {
      auditRefusal(request, caller, response.getStatus(), "answered " + response.getStatus());
    }
  }

  /** null when the request carries no credentials at all. */
  private Authentication authenticate(HttpServletRequest request) {
    if (!properties.enabled()) {
      // Only outside production (ProductionGuard): everyone is an admin.
      return Authentication.of(new Principal("anonymous", Principal.Role.admin, null));
    }
    String key = request.getHeader("X-API-Key");
    if (key != null) {
      return known(apiKeys.authenticate(key));
    }
    String header = request.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return known(Optional.empty());
    }
    String token = header.substring(7).trim();
    Optional<Principal> own = tokens.verify(token);
    // Not the hub's own (its signature and issuer): the identity provider's to judge, if one is configured.
    if (own.isPresent() || oidc == null) {
      return known(own);
    }
    return oidc.authenticate(token);
  }

  private static Authentication known(Optional<Principal> principal) {
    return principal.map(Authentication::of).orElseGet(() -> Authentication.refused(401, "UNAUTHENTICATED",
        "the token or API key is invalid or expired: get a new token from POST /api/v1/auth/token"));
  }

  /** Audits a refusal of a resident, export or audit path (the normalised path the router uses). */
  void auditRefusal(HttpServletRequest request, Principal caller, int status, String detail) {
    String path = WebSecurity.path(request);
    if (AUDITED_PATHS.stream().noneMatch(path::startsWith)) {
      return;
    }
    try {
      String outcome = status >= 500 ? "failed" : "denied";
      audit.record(caller, new AuditEvent(request.getMethod() + " " + path, outcome, status, null, null, null, null, null, detail));
    } catch (RuntimeException e) {
      // The answer is already a refusal; a missing audit entry of it is logged by AuditLog.
    }
  }

  static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(Json.write(ApiErrors.body(code, message, List.of())));
  }
}
