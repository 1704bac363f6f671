package cn.jzz.hub.security;

/**
 * Who is calling, with what role and over which area.
 *
 * @param scope the division code the caller is limited to (a community's 12 digits for a grid
 *     worker), or null for city-wide roles
 */
public record Principal(String username, Role role, String scope) {

  public enum Role {
    admin,
    analyst,
    grid_worker,
    system
  }

  /** The role as printed and sent to the console: {@code grid_worker@370811002001}. */
  public String roleLabel() {
    return scope == null ? role.name() : role.name() + "@" + scope;
  }
}
