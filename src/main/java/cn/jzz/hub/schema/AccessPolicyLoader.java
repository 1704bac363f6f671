package cn.jzz.hub.schema;

import cn.jzz.hub.schema.AccessPolicyDefinition.FieldClass;
import cn.jzz.hub.schema.AccessPolicyDefinition.RoleRule;
import cn.jzz.hub.schema.AccessPolicyDefinition.Rows;
import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code schemas/access-policy.yaml} strictly and checks it against the schema: every M, S or
 * restricted field in exactly one class (so no sensitive field falls through to ordinary by a typo),
 * every known role present with a treatment for every class, and the sources' {@code reveals} naming
 * real fields. All problems are reported at once.
 */
public final class AccessPolicyLoader {

  static final Set<String> GRANT_PREFIXES = Set.of("sensitive", "restricted");

  private AccessPolicyLoader() {}

  /**
   * @param roles the role names the hub knows; the file must define each, and no other
   * @throws SchemaException listing every problem
   */
  public static AccessPolicyDefinition load(Path schemasDir, ResidentSchema schema, TagDictionary tags, Set<String> roles) {
    Problems problems = new Problems();
    AccessPolicyDefinition[] out = new AccessPolicyDefinition[1];
    YamlFiles.read(schemasDir, AccessPolicyDefinition.FILE, problems).ifPresent(root -> {
      StrictNode doc = StrictNode.root(AccessPolicyDefinition.FILE, root, problems);
      doc.allowOnly("version", "classes", "roles", "grants", "min_cell");
      if (!Integer.valueOf(1).equals(doc.optInt("version"))) {
        doc.problem("version", "missing or unknown version; this hub reads version 1");
      }
      Map<String, FieldClass> classes = classes(doc, schema);
      Map<String, RoleRule> roleRules = roles(doc, classes, roles);
      boolean unmask = grants(doc);
      Integer minCell = doc.optInt("min_cell");
      if (minCell == null || minCell < 1) {
        doc.problem("min_cell", "required: the smallest count shown where a counted field is involved (e.g. 5)");
      }
      tagOverrides(doc, schema, tags);
      reveals(schema, problems);
      out[0] = new AccessPolicyDefinition(classes, roleRules, unmask, minCell == null ? 5 : minCell);
    });
    problems.throwIfAny();
    return out[0];
  }

  private static Map<String, FieldClass> classes(StrictNode doc, ResidentSchema schema) {
    Map<String, FieldClass> classes = new LinkedHashMap<>();
    Map<String, String> owner = new HashMap<>();
    Map<String, StrictNode> entries = doc.optEntries("classes");
    if (entries.isEmpty()) {
      doc.problem("classes", "required: the field classes (contact, identity, …)");
    }
    entries.forEach((id, node) -> {
      node.allowOnly("label", "fields", "grant");
      if (id.equals(AccessPolicyDefinition.ORDINARY) || id.equals(AccessPolicyDefinition.OWN)) {
        node.problem(null, "'" + id + "' is reserved: it means the fields no class names; pick another class id");
      }
      String label = node.text("label");
      List<String> fields = node.optTextList("fields");
      if (fields == null || fields.isEmpty()) {
        node.problem("fields", "required: the field keys of this class");
        fields = List.of();
      }
      for (String key : fields) {
        if (schema.field(key).isEmpty()) {
          node.problem("fields", "unknown field '" + key + "'; use keys of resident.yaml");
        } else if (owner.containsKey(key)) {
          node.problem("fields", "'" + key + "' is already in class '" + owner.get(key) + "'; a field belongs to one class");
        } else {
          owner.put(key, id);
        }
      }
      String grant = node.optText("grant");
      if (grant != null && !GRANT_PREFIXES.contains(grant)) {
        node.problem("grant", "unknown grant '" + grant + "'; allowed: " + String.join(", ", GRANT_PREFIXES));
      }
      classes.put(id, new FieldClass(id, label, fields, grant));
    });
    for (FieldDef field : schema.fields()) {
      if (!field.sensitivity().isEmpty() && !owner.containsKey(field.key())) {
        doc.problem("classes", "'" + field.key() + "' is " + field.sensitivity() + " in resident.yaml but in no class: add it to one, so its treatment is decided, not defaulted");
      }
    }
    return classes;
  }

  private static Map<String, RoleRule> roles(StrictNode doc, Map<String, FieldClass> classes, Set<String> known) {
    Map<String, RoleRule> out = new LinkedHashMap<>();
    Map<String, StrictNode> entries = doc.optEntries("roles");
    for (String role : known) {
      if (!entries.containsKey(role)) {
        doc.problem("roles", "role '" + role + "' is missing; every role of the hub needs its rules: " + String.join(", ", known));
      }
    }
    String treatments = Arrays.stream(Treatment.values()).map(Enum::name).collect(Collectors.joining(", "));
    entries.forEach((role, node) -> {
      node.allowOnly("label", "rows", "record_keys", "treatment");
      if (!known.contains(role)) {
        node.problem(null, "unknown role '" + role + "'; the hub's roles are " + String.join(", ", known));
      }
      String label = node.text("label");
      Rows rows = null;
      String rowsText = node.text("rows");
      try {
        rows = rowsText == null ? null : Rows.valueOf(rowsText);
      } catch (IllegalArgumentException e) {
        node.problem("rows", "unknown rows '" + rowsText + "'; allowed: all, jurisdiction, none");
      }
      boolean recordKeys = node.optBool("record_keys", false);
      Map<String, Treatment> treatment = new HashMap<>();
      StrictNode t = node.optChild("treatment");
      if (t == null) {
        node.problem("treatment", "required: a treatment for ordinary and for each class " + classes.keySet());
      } else {
        for (String key : t.keys()) {
          if (!key.equals(AccessPolicyDefinition.ORDINARY) && !key.equals(AccessPolicyDefinition.OWN) && !classes.containsKey(key)) {
            t.problem(key, "unknown class '" + key + "'; allowed: ordinary, own, " + String.join(", ", classes.keySet()));
            continue;
          }
          String value = t.optText(key);
          try {
            treatment.put(key, Treatment.valueOf(String.valueOf(value)));
          } catch (IllegalArgumentException e) {
            t.problem(key, "unknown treatment '" + value + "'; allowed: " + treatments);
          }
        }
        for (String cls : classes.keySet()) {
          if (!t.has(cls)) {
            t.problem(cls, "missing: how role '" + role + "' sees class '" + cls + "'");
          }
        }
        if (!t.has(AccessPolicyDefinition.ORDINARY)) {
          t.problem(AccessPolicyDefinition.ORDINARY, "missing: how role '" + role + "' sees the fields of no class");
        }
      }
      out.put(role, new RoleRule(role, label, rows == null ? Rows.none : rows, recordKeys, treatment));
    });
    return out;
  }

  private static boolean grants(StrictNode doc) {
    StrictNode grants = doc.optChild("grants");
    if (grants == null) {
      return false;
    }
    grants.allowOnly("unmask");
    StrictNode unmask = grants.optChild("unmask");
    if (unmask == null) {
      return false;
    }
    unmask.allowOnly("from", "to");
    if (!"masked".equals(unmask.optText("from")) || !"clear".equals(unmask.optText("to"))) {
      unmask.problem(null, "unmask lifts masked fields to clear: write {from: masked, to: clear}");
    }
    return true;
  }

  /** A tag stricter than its field would be shown by its field's treatment: refuse, so it is decided here. */
  private static void tagOverrides(StrictNode doc, ResidentSchema schema, TagDictionary tags) {
    for (TagDef tag : tags.tags()) {
      if (tag.isAgeFilter()) {
        continue;
      }
      Set<Sensitivity> field = schema.require(tag.field()).sensitivity();
      if (!field.containsAll(tag.sensitivity())) {
        doc.problem("classes", "tag '" + tag.name() + "' of tags.yaml is " + tag.sensitivity() + " but its field '" + tag.field() + "' is " + field
            + ": the policy treats tags by their field; move the tag to a field of that sensitivity");
      }
    }
  }

  private static void reveals(ResidentSchema schema, Problems problems) {
    for (Source source : schema.sources().byId().values()) {
      for (String key : source.reveals()) {
        if (schema.field(key).isEmpty()) {
          problems.add(Sources.FILE, "sources[" + source.id() + "].reveals", "unknown field '" + key + "'; name the resident.yaml fields that being listed in this source reveals");
        }
      }
    }
  }
}
