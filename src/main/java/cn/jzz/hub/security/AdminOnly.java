package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** The one check of the endpoints only data admins may call (mappings, quarantine, sources, index, reconciliation). */
public final class AdminOnly {

  private AdminOnly() {}

  /**
   * @param why what the endpoint guards, said in the 403, e.g. "only data admins may rebuild the index"
   * @return the admin calling
   * @throws ApiException 403 for any other role, and for a request without a caller ({@link AuthFilter}
   *     answers those with 401 before they get here; refusing is the safe answer should one slip through)
   */
  public static Principal require(HttpServletRequest request, String why) {
    Object caller = request.getAttribute(AuthFilter.PRINCIPAL);
    if (!(caller instanceof Principal principal) || principal.role() != Principal.Role.admin) {
      String role = caller instanceof Principal p ? "; your role is " + p.roleLabel() : "";
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", why + ": sign in as a data admin" + role);
    }
    return principal;
  }
}
