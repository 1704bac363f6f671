package cn.jzz.hub.normalize.api;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.security.AuthFilter;
import cn.jzz.hub.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Mappings and quarantine are for data admins only: quarantined rows hold ID numbers. */
final class AdminGuard {

  private AdminGuard() {}

  static Principal requireAdmin(HttpServletRequest request) {
    Object caller = request.getAttribute(AuthFilter.PRINCIPAL);
    if (!(caller instanceof Principal principal)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "send a bearer token from POST /api/v1/auth/token or an X-API-Key");
    }
    if (principal.role() != Principal.Role.admin) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "mappings and quarantine need the admin role; ask a data admin");
    }
    return principal;
  }
}
