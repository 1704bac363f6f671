package cn.jzz.hub.export;

import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.support.ConfigProblems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The named column templates of {@code schemas/export-templates.yaml}, validated against the schema. */
public final class ExportTemplates {

  /** @param columns field keys in order */
  public record Template(String name, String description, List<String> columns) {}

  private static final Set<String> KEYS = Set.of("name", "description", "columns", "all_fields");

  private final Map<String, Template> byName;

  private ExportTemplates(Map<String, Template> byName) {
    this.byName = byName;
  }

  /** Loads and checks the file; fails at start-up listing every problem. */
  public static ExportTemplates load(Path file, ResidentSchema schema) {
    ConfigProblems problems = new ConfigProblems("export templates " + file);
    Map<String, Template> templates = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      problems.add(file.toString(), "file not found; start the hub from the repository root or set hub.exports.templates");
      problems.throwIfAny();
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      problems.add(file.toString(), "not valid YAML: " + e.getMessage());
      problems.throwIfAny();
      return null;
    }
    JsonNode list = root == null ? null : root.path("templates");
    if (list == null || !list.isArray()) {
      problems.add("templates", "expected a list of templates");
      problems.throwIfAny();
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String path = "templates[" + i + "]";
      for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KEYS.contains(key)) {
          problems.add(path + "." + key, "unknown key; allowed: " + KEYS);
        }
      }
      String name = t.path("name").asText("");
      if (name.isBlank()) {
        problems.add(path + ".name", "missing");
        continue;
      }
      List<String> columns = new ArrayList<>();
      if (t.path("all_fields").asBoolean(false)) {
        schema.fields().forEach(f -> columns.add(f.key()));
      } else {
        t.path("columns").forEach(c -> columns.add(c.asText()));
      }
      if (columns.isEmpty()) {
        problems.add(path, "give columns or all_fields: true");
      }
      for (int c = 0; c < columns.size(); c++) {
        if (!isColumn(schema, columns.get(c))) {
          problems.add(path + ".columns[" + c + "]", "'" + columns.get(c) + "' is not one of the 55 field keys (docs/schema.md) or person_id");
        }
      }
      if (templates.put(name, new Template(name, t.path("description").asText(""), List.copyOf(columns))) != null) {
        problems.add(path + ".name", "duplicate template name '" + name + "'");
      }
    }
    problems.throwIfAny();
    return new ExportTemplates(templates);
  }

  static boolean isColumn(ResidentSchema schema, String key) {
    return "person_id".equals(key) || schema.fields().stream().anyMatch(f -> f.key().equals(key));
  }

  public Optional<Template> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<Template> all() {
    return List.copyOf(byName.values());
  }
}
