package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.MappingDefinition.Condition;
import cn.jzz.hub.normalize.MappingDefinition.EntityDefinition;
import cn.jzz.hub.normalize.MappingDefinition.PersonDefinition;
import cn.jzz.hub.normalize.MappingDefinition.ReferenceDefinition;
import cn.jzz.hub.normalize.MappingDefinition.TagDefinition;
import cn.jzz.hub.normalize.MappingDefinition.TransformDefinition;
import cn.jzz.hub.normalize.MappingDefinition.ValueRule;
import cn.jzz.hub.support.ConfigProblems;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads mapping YAML into a {@link MappingDefinition}, noting every unknown or malformed key with its
 * path ({@code $.entities.rk_jbxx.fields.sex.transform[1]}); it never stops at the first problem.
 */
final class MappingParser {

  static final Set<String> ROOT_KEYS = Set.of("source", "version", "description", "entities");
  static final Set<String> ENTITY_KEYS = Set.of("description", "full_dump", "when", "id_number", "optional", "fields", "tags", "persons", "reference");
  static final Set<String> PERSON_KEYS = Set.of("id_number", "optional", "when", "fields", "tags");
  static final Set<String> REFERENCE_KEYS = Set.of("kind", "code", "fields");
  static final Set<String> VALUE_KEYS = Set.of("from", "const", "transform");
  static final Set<String> TAG_KEYS = Set.of("tag", "from", "until", "when");
  static final Set<String> CONDITION_KEYS = Set.of("column", "in", "not_in", "rule");

  private MappingParser() {}

  static MappingDefinition parse(JsonNode root, ConfigProblems problems) {
    if (!root.isObject()) {
      problems.add("$", "a mapping is a YAML mapping with keys " + new TreeSet<>(ROOT_KEYS));
      return null;
    }
    checkKeys(root, ROOT_KEYS, "$", problems);
    String source = text(root, "source", "$", problems);
    JsonNode versionNode = root.path("version");
    int version = versionNode.canConvertToInt() && versionNode.isIntegralNumber() ? versionNode.asInt() : 0;
    if (version < 1) {
      problems.add("$.version", "required: a whole number ≥ 1, raised with every change");
    }
    Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    JsonNode entitiesNode = root.path("entities");
    if (!entitiesNode.isObject() || entitiesNode.isEmpty()) {
      problems.add("$.entities", "required: one entry per table, resource or file of the source");
    } else {
      entitiesNode.fields().forEachRemaining(e -> entities.put(e.getKey(), entity(e.getValue(), "$.entities." + e.getKey(), problems)));
    }
    return new MappingDefinition(source, version, root.path("description").asText(null), entities);
  }

  private static EntityDefinition entity(JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected a mapping with keys " + new TreeSet<>(ENTITY_KEYS));
      return new EntityDefinition(path, null, false, List.of(), List.of(), null);
    }
    checkKeys(node, ENTITY_KEYS, path, problems);
    boolean fullDump = bool(node, "full_dump", path, problems);
    List<Condition> when = conditions(node, path, problems);
    List<PersonDefinition> persons = new ArrayList<>();
    boolean single = node.has("id_number") || node.has("fields") || node.has("tags") || node.has("optional");
    ReferenceDefinition reference = node.has("reference") ? reference(node.get("reference"), path + ".reference", problems) : null;
    if (node.has("persons")) {
      if (single) {
        problems.add(path + ".persons", "give either 'persons' (one entry per role) or the single-person keys id_number/fields/tags, not both");
      }
      JsonNode ps = node.get("persons");
      if (!ps.isObject() || ps.isEmpty()) {
        problems.add(path + ".persons", "expected role → {id_number, fields, tags}, e.g. persons: {man: {...}, woman: {...}}");
      } else {
        ps.fields().forEachRemaining(e -> {
          if (!e.getKey().matches("[a-z][a-z0-9_]*")) {
            problems.add(path + ".persons." + e.getKey(), "a role is lower-case letters, digits and _ (it becomes part of the slot key)");
          }
          persons.add(person(e.getKey(), e.getValue(), path + ".persons." + e.getKey(), problems));
        });
      }
    } else if (single) {
      persons.add(personBody("", node, path, problems));
    } else if (reference == null) {
      problems.add(path, "an entity needs id_number and fields (one person), persons (several), or reference (reference data)");
    }
    return new EntityDefinition(path, node.path("description").asText(null), fullDump, when, List.copyOf(persons), reference);
  }

  private static PersonDefinition person(String role, JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected a mapping with keys " + new TreeSet<>(PERSON_KEYS));
      return new PersonDefinition(path, role, null, false, List.of(), Map.of(), List.of());
    }
    checkKeys(node, PERSON_KEYS, path, problems);
    return personBody(role, node, path, problems);
  }

  private static PersonDefinition personBody(String role, JsonNode node, String path, ConfigProblems problems) {
    ValueRule id = null;
    if (!node.has("id_number")) {
      problems.add(path + ".id_number", "required: the column that holds the person's ID number");
    } else {
      id = value(node.get("id_number"), path + ".id_number", problems);
    }
    boolean optional = bool(node, "optional", path, problems);
    List<Condition> when = role.isEmpty() ? List.of() : conditions(node, path, problems);
    Map<String, ValueRule> fields = new LinkedHashMap<>();
    JsonNode fieldsNode = node.path("fields");
    if (!fieldsNode.isMissingNode()) {
      if (!fieldsNode.isObject()) {
        problems.add(path + ".fields", "expected target field → column or {from: column, transform: [...]}");
      } else {
        fieldsNode.fields().forEachRemaining(f -> fields.put(f.getKey(), value(f.getValue(), path + ".fields." + f.getKey(), problems)));
      }
    }
    List<TagDefinition> tags = new ArrayList<>();
    JsonNode tagsNode = node.path("tags");
    if (!tagsNode.isMissingNode()) {
      if (!tagsNode.isArray()) {
        problems.add(path + ".tags", "expected a list of {tag: <name or rule>, from: <date column>, until: <date column>}");
      } else {
        for (int i = 0; i < tagsNode.size(); i++) {
          tags.add(tag(tagsNode.get(i), path + ".tags[" + i + "]", problems));
        }
      }
    }
    if (fields.isEmpty() && tags.isEmpty()) {
      problems.add(path + ".fields", "required: at least one field or tag, or the person contributes nothing");
    }
    return new PersonDefinition(path, role, id, optional, when, fields, List.copyOf(tags));
  }

  private static TagDefinition tag(JsonNode node, String path, ConfigProblems problems) {
    if (node.isTextual()) {
      return new TagDefinition(path, new ValueRule(path, null, node.asText(), List.of()), null, null, List.of());
    }
    if (!node.isObject()) {
      problems.add(path, "expected a tag name or {tag: …, from: …, until: …, when: […]}");
      return new TagDefinition(path, null, null, null, List.of());
    }
    checkKeys(node, TAG_KEYS, path, problems);
    ValueRule tag = null;
    if (!node.has("tag")) {
      problems.add(path + ".tag", "required: a tag name (低保) or {from: column, transform: [...]} yielding tag names");
    } else if (node.get("tag").isTextual()) {
      tag = new ValueRule(path + ".tag", null, node.get("tag").asText(), List.of());
    } else {
      tag = value(node.get("tag"), path + ".tag", problems);
    }
    ValueRule from = node.has("from") ? value(node.get("from"), path + ".from", problems) : null;
    ValueRule until = node.has("until") ? value(node.get("until"), path + ".until", problems) : null;
    return new TagDefinition(path, tag, from, until, conditions(node, path, problems));
  }

  private static ReferenceDefinition reference(JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected {kind: compound|building|house|grid|family, code: column, fields: {...}}");
      return new ReferenceDefinition(path, null, null, Map.of());
    }
    checkKeys(node, REFERENCE_KEYS, path, problems);
    String kind = text(node, "kind", path, problems);
    ValueRule code = null;
    if (!node.has("code")) {
      problems.add(path + ".code", "required: the column that holds the record's code");
    } else {
      code = value(node.get("code"), path + ".code", problems);
    }
    Map<String, ValueRule> fields = new LinkedHashMap<>();
    JsonNode fieldsNode = node.path("fields");
    if (!fieldsNode.isObject() || fieldsNode.isEmpty()) {
      problems.add(path + ".fields", "required: reference field → column or {from: column, transform: [...]}");
    } else {
      fieldsNode.fields().forEachRemaining(f -> fields.put(f.getKey(), value(f.getValue(), path + ".fields." + f.getKey(), problems)));
    }
    return new ReferenceDefinition(path, kind, code, fields);
  }

  private static List<Condition> conditions(JsonNode node, String path, ConfigProblems problems) {
    List<Condition> when = new ArrayList<>();
    JsonNode whenNode = node.path("when");
    if (whenNode.isMissingNode()) {
      return List.of();
    }
    if (!whenNode.isArray()) {
      problems.add(path + ".when", "expected a list of conditions like {column: zxbz, not_in: [\"1\"]}");
      return List.of();
    }
    for (int i = 0; i < whenNode.size(); i++) {
      when.add(condition(whenNode.get(i), path + ".when[" + i + "]", problems));
    }
    return List.copyOf(when);
  }

  private static Condition condition(JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected {column: …, in: [...]} or {column: …, not_in: [...]}");
      return new Condition(path, null, null, null, null);
    }
    checkKeys(node, CONDITION_KEYS, path, problems);
    String column = text(node, "column", path, problems);
    List<String> in = strings(node.get("in"), path + ".in", problems);
    List<String> notIn = strings(node.get("not_in"), path + ".not_in", problems);
    if ((in == null) == (notIn == null)) {
      problems.add(path, "give exactly one of 'in' or 'not_in'");
    }
    return new Condition(path, column, in, notIn, node.path("rule").asText(null));
  }

  private static ValueRule value(JsonNode node, String path, ConfigProblems problems) {
    if (node.isTextual()) {
      return new ValueRule(path, node.asText(), null, List.of());
    }
    if (!node.isObject()) {
      problems.add(path, "expected a column name or {from: column, transform: [...]} or {const: value}");
      return new ValueRule(path, "?", null, List.of());
    }
    checkKeys(node, VALUE_KEYS, path, problems);
    String from = node.hasNonNull("from") ? node.get("from").asText() : null;
    Object constant = node.hasNonNull("const") ? plain(node.get("const")) : null;
    if ((from == null) == (constant == null)) {
      problems.add(path, "give exactly one of 'from' (a column) or 'const' (a fixed value)");
      from = from == null ? "?" : from;
    }
    List<TransformDefinition> transforms = new ArrayList<>();
    JsonNode chain = node.path("transform");
    if (!chain.isMissingNode()) {
      if (!chain.isArray()) {
        problems.add(path + ".transform", "expected a list, e.g. [trim, {date: yyyyMMdd}]");
      } else {
        for (int i = 0; i < chain.size(); i++) {
          JsonNode step = chain.get(i);
          String at = path + ".transform[" + i + "]";
          if (step.isTextual()) {
            transforms.add(new TransformDefinition(at, step.asText(), null));
          } else if (step.isObject() && step.size() == 1) {
            Map.Entry<String, JsonNode> only = step.fields().next();
            transforms.add(new TransformDefinition(at, only.getKey(), plain(only.getValue())));
          } else {
            problems.add(at, "a step is a name (trim) or a one-key mapping ({date: yyyyMMdd})");
          }
        }
      }
    }
    if (constant != null && !transforms.isEmpty()) {
      problems.add(path + ".transform", "a constant needs no transform; write the final value in 'const'");
    }
    return new ValueRule(path, from, constant, List.copyOf(transforms));
  }

  /** YAML scalars, lists and maps as plain Java values; map values keep nulls (a map to null drops). */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(v -> list.add(plain(v)));
      return list;
    }
    return node.asText();
  }

  private static List<String> strings(JsonNode node, String path, ConfigProblems problems) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      problems.add(path, "expected a list of values, e.g. [\"1\"]");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }

  private static boolean bool(JsonNode node, String key, String path, ConfigProblems problems) {
    JsonNode value = node.get(key);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      problems.add(path + "." + key, "expected true or false");
      return false;
    }
    return value.asBoolean();
  }

  private static String text(JsonNode node, String key, String path, ConfigProblems problems) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      problems.add(path + "." + key, "required");
      return null;
    }
    return value.asText();
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String path, ConfigProblems problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problems.add(path + "." + key, "unknown key; allowed: " + new TreeSet<>(allowed));
      }
    }
  }
}
