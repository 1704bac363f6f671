package cn.jzz.hub.normalize.api;

import cn.jzz.hub.security.AdminOnly;
import cn.jzz.hub.security.Principal;
import jakarta.servlet.http.HttpServletRequest;

/** Mappings and quarantine are for data admins only: quarantined rows hold ID numbers. */
final class AdminGuard {

  private AdminGuard() {}

  static Principal requireAdmin(HttpServletRequest request) {
    return AdminOnly.require(request, "mappings and quarantine need the admin role");
  }
}
