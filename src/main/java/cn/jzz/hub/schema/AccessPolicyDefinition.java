package cn.jzz.hub.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access policy of {@code schemas/access-policy.yaml} as read and validated, before it is applied
 * to callers (cn.jzz.hub.security.AccessPolicy does that).
 *
 * @param classes field classes by id: which fields share a treatment, and the grant that lifts one
 * @param roles role rules by role name
 * @param unmaskLiftsMasked whether the grant {@code unmask} lifts masked fields to clear
 * @param minCell counts below this are suppressed wherever a counted field is involved
 */
public record AccessPolicyDefinition(Map<String, FieldClass> classes, Map<String, RoleRule> roles, boolean unmaskLiftsMasked, int minCell) {

  public static final String FILE = "access-policy.yaml";
  /** The class of every field no class names. */
  public static final String ORDINARY = "ordinary";
  /** The optional treatment of the fields a department supplies itself. */
  public static final String OWN = "own";

  public enum Treatment {
    /** Hidden: as if the field did not exist. */
    hidden,
    /** Never shown per person; counted in aggregates. */
    counted,
    /** Shown masked; only {@code exists} may test it. */
    masked,
    /** Shown and usable everywhere. */
    clear;

    /** The wider of two treatments. */
    public Treatment widest(Treatment other) {
      return other != null && other.ordinal() > ordinal() ? other : this;
    }
  }

  public enum Rows {
    all,
    jurisdiction,
    none
  }

  /**
   * @param label Chinese name of the class
   * @param fields the field keys in it
   * @param grant the grant prefix that lifts one of its fields to clear ({@code sensitive}, {@code restricted}), or null
   */
  public record FieldClass(String id, String label, List<String> fields, String grant) {
    public FieldClass {
      fields = List.copyOf(fields);
    }
  }

  /**
   * @param treatment class id (and {@link #ORDINARY}, optionally {@link #OWN}) → treatment
   */
  public record RoleRule(String role, String label, Rows rows, boolean recordKeys, Map<String, Treatment> treatment) {
    public RoleRule {
      treatment = Map.copyOf(treatment);
    }
  }

  public AccessPolicyDefinition {
    classes = Map.copyOf(classes);
    roles = Map.copyOf(roles);
  }

  /** The class a field belongs to; {@link #ORDINARY} if none names it. */
  public String classOf(String fieldKey) {
    return classes.values().stream().filter(c -> c.fields().contains(fieldKey)).map(FieldClass::id).findFirst().orElse(ORDINARY);
  }

  public Optional<RoleRule> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }
}
