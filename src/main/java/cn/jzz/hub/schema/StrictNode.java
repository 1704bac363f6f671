package cn.jzz.hub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A YAML mapping read strictly: every accessor knows its path, and every problem (unknown key,
 * missing key, wrong type) is recorded instead of thrown, so one load reports everything.
 */
final class StrictNode {

  private final String file;
  private final String path;
  private final JsonNode node;
  private final Problems problems;

  private StrictNode(String file, String path, JsonNode node, Problems problems) {
    this.file = file;
    this.path = path;
    this.node = node;
    this.problems = problems;
  }

  static StrictNode root(String file, JsonNode node, Problems problems) {
    return new StrictNode(file, "", node, problems);
  }

  String path() {
    return path;
  }

  String file() {
    return file;
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(String key, String message) {
    problems.add(file, key == null ? path : at(key), message);
  }

  /** Reports every key not in {@code allowed}, listing the allowed ones. */
  void allowOnly(String... allowed) {
    Set<String> ok = new LinkedHashSet<>(Arrays.asList(allowed));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ok.contains(key)) {
        problems.add(file, at(key), "unknown key '" + key + "'; allowed: " + String.join(", ", ok));
      }
    }
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  /** A required non-blank scalar; null (and a problem) when missing. */
  String text(String key) {
    String value = optText(key);
    if (value == null && !hasWrongType(key)) {
      problem(key, "missing required key '" + key + "'");
    }
    return value;
  }

  private boolean hasWrongType(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull() && !value.isValueNode();
  }

  /** An optional scalar as text; null when absent or blank. */
  String optText(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      problem(key, "expected a single value, found " + value.getNodeType().name().toLowerCase());
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  Integer optInt(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt()) {
      problem(key, "expected an integer, found '" + value.asText() + "'");
      return null;
    }
    return value.intValue();
  }

  boolean optBool(String key, boolean fallback) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      problem(key, "expected true or false, found '" + value.asText() + "'");
      return fallback;
    }
    return value.booleanValue();
  }

  /** An optional list of scalars; null when absent. */
  List<String> optTextList(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      problem(key, "expected a list like [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        problems.add(file, at(key) + "[" + i + "]", "expected a non-empty value");
      } else {
        out.add(item.asText().strip());
      }
    }
    return out;
  }

  /** An optional nested mapping; null when absent. */
  StrictNode optChild(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      problem(key, "expected a mapping like {a: b}");
      return null;
    }
    return new StrictNode(file, at(key), value, problems);
  }

  /** A required list of mappings; empty (and a problem) when missing. */
  List<StrictNode> list(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      problem(key, "missing required list '" + key + "'");
      return List.of();
    }
    if (!value.isArray()) {
      problem(key, "expected a list");
      return List.of();
    }
    List<StrictNode> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = at(key) + "[" + i + "]";
      if (!item.isObject()) {
        problems.add(file, itemPath, "expected a mapping");
      } else {
        out.add(new StrictNode(file, itemPath, item, problems));
      }
    }
    return out;
  }

  /** The entries of a mapping whose keys are names (classes, roles), each as a node; empty if absent. */
  java.util.Map<String, StrictNode> optEntries(String key) {
    JsonNode value = node.get(key);
    java.util.Map<String, StrictNode> out = new java.util.LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (!value.isObject()) {
      problem(key, "expected a mapping of names to entries");
      return out;
    }
    value.fields().forEachRemaining(e -> {
      String itemPath = at(key) + "." + e.getKey();
      if (!e.getValue().isObject()) {
        problems.add(file, itemPath, "expected a mapping");
      } else {
        out.put(e.getKey(), new StrictNode(file, itemPath, e.getValue(), problems));
      }
    });
    return out;
  }

  /** The keys of this mapping, in file order. */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
