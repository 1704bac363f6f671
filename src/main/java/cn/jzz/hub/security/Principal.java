package cn.jzz.hub.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, with what role, over which area and with which extra grants.
 *
 * @param username the user, API key name or OIDC subject
 * @param role the role
 * @param scope the division code the caller is limited to (6 county, 9 township, 12 community or 15
 *     grid digits), or null for city-wide roles; for a department, its source id
 * @param grants extra rights: {@code sensitive:<field>} (see an S field), {@code restricted:<field>}
 *     (see a restricted tag field), {@code unmask} (see M fields unmasked, export unmasked with a
 *     purpose) and, for the role {@code system}, the operations of its API key ({@code search},
 *     {@code person}, {@code lookup}, {@code export})
 */
public record Principal(String username, Role role, String scope, Set<String> grants, Origin origin) {

  /** Where the identity comes from: one name may exist in each, as different callers. */
  public enum Origin {
    /** A user of hub.security.users (or the demo's). */
    local,
    /** An API key. */
    api_key,
    /** The identity provider's subject. */
    oidc
  }

  public enum Role {
    admin,
    analyst,
    grid_worker,
    system,
    /** A department ({@code department@<source id>}): reads only what the hub sends back to it. */
    department
  }

  /** Operations a system key must be granted explicitly; people get them with their role. */
  public static final Set<String> OPERATIONS = Set.of("search", "person", "lookup", "export");

  public Principal {
    grants = grants == null ? Set.of() : Set.copyOf(grants);
    origin = origin == null ? Origin.local : origin;
    if (scope != null && role == Role.department) {
      if (!scope.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("a department is named by its source id (department@mzj), got '" + scope + "'");
      }
    } else if (scope != null) {
      Jurisdiction.of(scope);
    }
  }

  public Principal(String username, Role role, String scope, Set<String> grants) {
    this(username, role, scope, grants, Origin.local);
  }

  public Principal(String username, Role role, String scope) {
    this(username, role, scope, Set.of());
  }

  /** This identity with another origin. */
  public Principal from(Origin from) {
    return new Principal(username, role, scope, grants, from);
  }

  /** Who owns what this caller creates (export jobs): the origin and the name, never the name alone. */
  public String ownerKey() {
    return origin.name() + ":" + username;
  }

  /** The role as printed and sent to the console: {@code grid_worker@370811002001}. */
  public String roleLabel() {
    return scope == null ? role.name() : role.name() + "@" + scope;
  }

  public boolean isAdmin() {
    return role == Role.admin;
  }

  /** The area every read of this caller is limited to, if any. */
  public Optional<Jurisdiction> jurisdiction() {
    return scope == null || role == Role.department ? Optional.empty() : Optional.of(Jurisdiction.of(scope));
  }

  /** Whether the caller may perform {@code operation} (one of {@link #OPERATIONS}). */
  public boolean may(String operation) {
    return role != Role.system || grants.contains(operation);
  }

}
