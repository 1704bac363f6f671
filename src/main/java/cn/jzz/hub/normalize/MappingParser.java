package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.MappingDefinition.Condition;
import cn.jzz.hub.normalize.MappingDefinition.EntityDefinition;
import cn.jzz.hub.normalize.MappingDefinition.FieldRule;
import cn.jzz.hub.normalize.MappingDefinition.TransformDefinition;
import cn.jzz.hub.support.ConfigProblems;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads mapping YAML into a {@link MappingDefinition}, noting every unknown or malformed key. */
final class MappingParser {

  private static final Set<String> ROOT_KEYS = Set.of("source", "version", "description", "entities");
  private static final Set<String> ENTITY_KEYS = Set.of("description", "id_number", "when", "fields");
  private static final Set<String> FIELD_KEYS = Set.of("from", "const", "transform");
  private static final Set<String> CONDITION_KEYS = Set.of("column", "in", "not_in");

  private MappingParser() {}

  static MappingDefinition parse(JsonNode root, ConfigProblems problems) {
    if (!root.isObject()) {
      problems.add("$", "a mapping is a YAML mapping with keys " + new TreeSet<>(ROOT_KEYS));
      return null;
    }
    checkKeys(root, ROOT_KEYS, "$", problems);
    String source = text(root, "source", "$", problems);
    int version = root.path("version").asInt(0);
    if (version < 1) {
      problems.add("$.version", "required: a whole number ≥ 1, raised with every change");
    }
    Map<String, EntityDefinition> entities = new LinkedHashMap<>();
    JsonNode entitiesNode = root.path("entities");
    if (!entitiesNode.isObject() || entitiesNode.isEmpty()) {
      problems.add("$.entities", "required: one entry per table or resource of the source");
    } else {
      entitiesNode.fields().forEachRemaining(e -> entities.put(e.getKey(), entity(e.getValue(), "$.entities." + e.getKey(), problems)));
    }
    return new MappingDefinition(source, version, root.path("description").asText(null), entities);
  }

  private static EntityDefinition entity(JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected a mapping with keys " + new TreeSet<>(ENTITY_KEYS));
      return new EntityDefinition(null, null, List.of(), Map.of());
    }
    checkKeys(node, ENTITY_KEYS, path, problems);
    String idNumber = text(node, "id_number", path, problems);
    List<Condition> when = new ArrayList<>();
    JsonNode whenNode = node.path("when");
    if (!whenNode.isMissingNode()) {
      if (!whenNode.isArray()) {
        problems.add(path + ".when", "expected a list of conditions like {column: zxbz, not_in: [\"1\"]}");
      } else {
        for (int i = 0; i < whenNode.size(); i++) {
          when.add(condition(whenNode.get(i), path + ".when[" + i + "]", problems));
        }
      }
    }
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    JsonNode fieldsNode = node.path("fields");
    if (!fieldsNode.isObject() || fieldsNode.isEmpty()) {
      problems.add(path + ".fields", "required: target field → {from: column, transform: [...]}");
    } else {
      fieldsNode.fields().forEachRemaining(f -> fields.put(f.getKey(), field(f.getValue(), path + ".fields." + f.getKey(), problems)));
    }
    return new EntityDefinition(node.path("description").asText(null), idNumber, List.copyOf(when), fields);
  }

  private static Condition condition(JsonNode node, String path, ConfigProblems problems) {
    if (!node.isObject()) {
      problems.add(path, "expected {column: …, in: [...]} or {column: …, not_in: [...]}");
      return new Condition(null, null, null);
    }
    checkKeys(node, CONDITION_KEYS, path, problems);
    String column = text(node, "column", path, problems);
    List<String> in = strings(node.get("in"));
    List<String> notIn = strings(node.get("not_in"));
    if ((in == null) == (notIn == null)) {
      problems.add(path, "give exactly one of 'in' or 'not_in'");
    }
    return new Condition(column, in, notIn);
  }

  private static FieldRule field(JsonNode node, String path, ConfigProblems problems) {
    if (node.isTextual()) {
      return new FieldRule(node.asText(), null, List.of());
    }
    if (!node.isObject()) {
      problems.add(path, "expected a column name or {from: column, transform: [...]}");
      return new FieldRule(null, null, List.of());
    }
    checkKeys(node, FIELD_KEYS, path, problems);
    String from = node.path("from").asText(null);
    Object constant = node.has("const") ? node.get("const").asText() : null;
    if ((from == null) == (constant == null)) {
      problems.add(path, "give exactly one of 'from' (a column) or 'const' (a fixed value)");
    }
    List<TransformDefinition> transforms = new ArrayList<>();
    JsonNode chain = node.path("transform");
    if (!chain.isMissingNode()) {
      if (!chain.isArray()) {
        problems.add(path + ".transform", "expected a list, e.g. [trim, {date: yyyyMMdd}]");
      } else {
        for (int i = 0; i < chain.size(); i++) {
          JsonNode step = chain.get(i);
          if (step.isTextual()) {
            transforms.add(new TransformDefinition(step.asText(), null));
          } else if (step.isObject() && step.size() == 1) {
            Map.Entry<String, JsonNode> only = step.fields().next();
            transforms.add(new TransformDefinition(only.getKey(), plain(only.getValue())));
          } else {
            problems.add(path + ".transform[" + i + "]", "a step is a name (trim) or a one-key mapping ({date: yyyyMMdd})");
          }
        }
      }
    }
    return new FieldRule(from, constant, List.copyOf(transforms));
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, String> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
      return map;
    }
    if (node.isArray()) {
      return strings(node);
    }
    return node.isNull() ? null : node.asText();
  }

  private static List<String> strings(JsonNode node) {
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
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
