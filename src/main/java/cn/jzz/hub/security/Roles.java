package cn.jzz.hub.security;

import java.util.Collection;
import java.util.Set;

/** Parses role labels such as {@code grid_worker@370811002001} into principals. */
final class Roles {

  private Roles() {}

  /** @throws IllegalArgumentException with what is accepted */
  static Principal principal(String username, String roleLabel, Collection<String> grants) {
    if (roleLabel == null || roleLabel.isBlank()) {
      throw new IllegalArgumentException("role is missing; use admin, analyst, grid_worker@<division code>, system or department@<source id>");
    }
    int at = roleLabel.indexOf('@');
    String name = at < 0 ? roleLabel : roleLabel.substring(0, at);
    String scope = at < 0 ? null : roleLabel.substring(at + 1);
    Principal.Role role;
    try {
      role = Principal.Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + name + "'; use admin, analyst, grid_worker@<division code>, system or department@<source id>");
    }
    if (role == Principal.Role.grid_worker && scope == null) {
      throw new IllegalArgumentException("grid_worker needs its area: grid_worker@<6, 9, 12 or 15 digit division code>");
    }
    if (role == Principal.Role.department && scope == null) {
      throw new IllegalArgumentException("department needs its source: department@<source id of schemas/sources.yaml>, e.g. department@mzj");
    }
    if (role == Principal.Role.admin && scope != null) {
      throw new IllegalArgumentException("admin is city-wide; drop '@" + scope + "'");
    }
    for (String grant : grants) {
      if (!grant.matches("(sensitive|restricted):[a-z_]+|unmask|search|person|lookup|export")) {
        throw new IllegalArgumentException("unknown grant '" + grant + "'; use sensitive:<field>, restricted:<field>, unmask, search, person, lookup or export");
      }
    }
    return new Principal(username, role, scope, Set.copyOf(grants));
  }
}
