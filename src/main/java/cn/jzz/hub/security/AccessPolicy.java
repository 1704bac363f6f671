package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyDefinition;
import cn.jzz.hub.schema.AccessPolicyDefinition.RoleRule;
import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.Source;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access policy of {@code schemas/access-policy.yaml} applied to callers: for each caller one
 * {@link CallerView} that says how she sees every field, tag and source. Every read path asks the
 * view; nothing else decides.
 */
public final class AccessPolicy {

  /** The role names the policy file must define: those of {@link Principal.Role}. */
  public static final Set<String> ROLES = Arrays.stream(Principal.Role.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final AccessPolicyDefinition definition;
  private final ResidentSchema schema;

  public AccessPolicy(AccessPolicyDefinition definition, ResidentSchema schema) {
    this.definition = definition;
    this.schema = schema;
  }

  public AccessPolicyDefinition definition() {
    return definition;
  }

  /** How {@code principal} sees the record: every field's treatment after her role and grants. */
  public CallerView view(Principal principal) {
    RoleRule rule = definition.role(principal.role().name()).orElseThrow(() -> new IllegalStateException("the policy has no role " + principal.role()));
    Map<String, Treatment> fields = new HashMap<>();
    schema.allFields().forEach(field -> fields.put(field.key(), treatment(field, rule, principal)));
    Map<String, Treatment> sources = new HashMap<>();
    for (Source source : schema.sources().byId().values()) {
      Treatment t = Treatment.clear;
      for (String key : source.reveals()) {
        Treatment revealed = fields.getOrDefault(key, Treatment.hidden);
        // Membership shows as far as the revealed field does; a masked field's presence is not hidden.
        Treatment membership = revealed == Treatment.masked ? Treatment.clear : revealed;
        t = membership.ordinal() < t.ordinal() ? membership : t;
      }
      sources.put(source.id(), t);
    }
    return new CallerView(principal, rule.rows(), rule.recordKeys(), fields, sources, definition.minCell());
  }

  private Treatment treatment(FieldDef field, RoleRule rule, Principal principal) {
    if (field.isSystem()) {
      return Treatment.clear;
    }
    String cls = definition.classOf(field.key());
    Treatment t = rule.treatment().getOrDefault(cls, Treatment.hidden);
    if (principal.role() == Principal.Role.department && field.authority() != null && field.authority().sources().contains(principal.scope())) {
      t = t.widest(rule.treatment().get(AccessPolicyDefinition.OWN));
    }
    AccessPolicyDefinition.FieldClass fieldClass = definition.classes().get(cls);
    if (fieldClass != null && fieldClass.grant() != null && principal.grants().contains(fieldClass.grant() + ":" + field.key())) {
      t = Treatment.clear;
    }
    if (t == Treatment.masked && definition.unmaskLiftsMasked() && principal.grants().contains("unmask")) {
      t = Treatment.clear;
    }
    return t;
  }
}
