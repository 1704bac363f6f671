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

/** Every {@code /api/} call but the token endpoint needs a valid bearer token. */
public final class AuthFilter extends OncePerRequestFilter {

  public static final String PRINCIPAL = AuthFilter.class.getName() + ".principal";

  private final TokenService tokens;

  public AuthFilter(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/api/") || path.equals("/api/v1/auth/token");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Optional<Principal> principal =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? tokens.verify(header.substring(7).trim()) : Optional.empty();
    if (principal.isEmpty()) {
      response.setStatus(401);
      response.setContentType("application/json;charset=UTF-8");
      response.setHeader("WWW-Authenticate", "Bearer");
      String message = header == null
          ? "authentication required: get a token from POST /api/v1/auth/token and send 'Authorization: Bearer <token>'"
          : "the token is invalid or expired: get a new one from POST /api/v1/auth/token";
      response.getWriter().write(Json.write(ApiErrors.body("UNAUTHENTICATED", message, List.of())));
      return;
    }
    request.setAttribute(PRINCIPAL, principal.get());
    chain.doFilter(request, response);
  }
}
