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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /api/} call but the token endpoint needs a bearer token (the hub's own or, if
 * configured, the OIDC issuer's; {@code oidc} is null when none is) or an {@code X-API-Key}. Admin paths answer 403 to everyone else.
 * Refused reads of resident data are written to the audit too.
 */
public final class AuthFilter extends OncePerRequestFilter {

  public static final String PRINCIPAL = AuthFilter.class.getName() + ".principal";
  static final String TOKEN_PATH = "/api/v1/auth/token";
  private static final List<String> AUDITED_PATHS = List.of("/api/v1/residents", "/api/v1/exports", "/api/v1/audit");

  private final TokenService tokens;
  private final ApiKeys apiKeys;
  private final OidcTokens oidc;
  private final SecurityProperties properties;
  private final AuditLog audit;
  private final RateLimiter tokenLimiter;

  public AuthFilter(TokenService tokens, ApiKeys apiKeys, OidcTokens oidc, SecurityProperties properties, AuditLog audit, RateLimiter tokenLimiter) {
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.oidc = oidc;
    this.properties = properties;
    this.audit = audit;
    this.tokenLimiter = tokenLimiter;
  }

  /** The authenticated caller of a request that passed this filter. */
  public static Principal principal(HttpServletRequest request) {
    Object p = request.getAttribute(PRINCIPAL);
    if (!(p instanceof Principal principal)) {
      throw new IllegalStateException("no principal on " + request.getRequestURI() + ": is the path outside /api/?");
    }
    return principal;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/api/") && !(path.startsWith("/actuator") && !isHealth(path));
  }

  /** Load balancers and orchestrators probe health without credentials; nothing else of actuator. */
  private static boolean isHealth(String path) {
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (path.equals(TOKEN_PATH)) {
      if (!tokenLimiter.tryAcquire(request.getRemoteAddr())) {
        response.setHeader("Retry-After", "60");
        write(response, 429, "TOO_MANY_REQUESTS", "too many token requests from this address; wait a minute and try again");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    Authentication authentication = authenticate(request);
    if (!authentication.accepted()) {
      if (authentication.status() == 401) {
        response.setHeader("WWW-Authenticate", "Bearer");
      }
      write(response, authentication.status(), authentication.code(), authentication.message());
      auditRefusal(request, null, authentication.status(), authentication.code());
      return;
    }
    Principal caller = authentication.principal();
    request.setAttribute(PRINCIPAL, caller);
    if (path.startsWith("/actuator") && !caller.isAdmin() && caller.role() != Principal.Role.system) {
      write(response, 403, "FORBIDDEN", "metrics are for data admins and monitoring systems (an API key); your role is " + caller.roleLabel());
      return;
    }
    if (!caller.isAdmin() && properties.adminPaths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
      write(response, 403, "FORBIDDEN", "this endpoint is for data admins; your role is " + caller.roleLabel());
      auditRefusal(request, caller, 403, "FORBIDDEN");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() >= 400 && request.getAttribute(AuditLog.AUDITED) == null) {
      auditRefusal(request, caller, response.getStatus(), "answered " + response.getStatus());
    }
  }

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
      return Authentication.refused(401, "UNAUTHENTICATED",
          "authentication required: get a token from POST /api/v1/auth/token and send 'Authorization: Bearer <token>', or send X-API-Key");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return known(Optional.empty());
    }
    String token = header.substring(7).trim();
    Optional<Principal> own = tokens.verify(token);
    // The hub's own tokens have two parts, JWTs three: only the latter are the identity provider's to judge.
    if (own.isPresent() || oidc == null || token.chars().filter(c -> c == '.').count() != 2) {
      return known(own);
    }
    return oidc.authenticate(token);
  }

  private static Authentication known(Optional<Principal> principal) {
    return principal.map(Authentication::of).orElseGet(() -> Authentication.refused(401, "UNAUTHENTICATED",
        "the token or API key is invalid or expired: get a new token from POST /api/v1/auth/token"));
  }

  private void auditRefusal(HttpServletRequest request, Principal caller, int status, String detail) {
    String path = request.getRequestURI();
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
