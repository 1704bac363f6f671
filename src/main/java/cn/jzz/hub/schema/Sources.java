package cn.jzz.hub.schema;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source registry of {@code schemas/sources.yaml}: the only source ids that resident.yaml
 * authorities, tags.yaml owners (and connector and mapping files) may name.
 *
 * @param byId id → source, in file order
 */
public record Sources(Map<String, Source> byId) {

  static final String FILE = "sources.yaml";
  static final Set<String> KINDS = Set.of("postgresql", "mariadb", "http_api", "csv", "xlsx");

  public Sources {
    byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }

  /** Loads {@code schemasDir/sources.yaml}; throws {@link SchemaException} listing all problems. */
  public static Sources load(Path schemasDir) {
    Problems problems = new Problems();
    Sources sources = load(schemasDir, problems);
    problems.throwIfAny();
    return sources;
  }

  static Sources load(Path schemasDir, Problems problems) {
    Map<String, Source> byId = new LinkedHashMap<>();
    YamlFiles.read(schemasDir, FILE, problems).ifPresent(root -> {
      StrictNode doc = StrictNode.root(FILE, root, problems);
      doc.allowOnly("sources");
      for (StrictNode item : doc.list("sources")) {
        item.allowOnly("id", "name", "kind", "system", "reveals");
        String id = item.text("id");
        String name = item.text("name");
        String kind = item.text("kind");
        String system = item.optText("system");
        List<String> reveals = item.optTextList("reveals");
        if (kind != null && !KINDS.contains(kind)) {
          item.problem("kind", "unknown kind '" + kind + "'; allowed: " + String.join(", ", KINDS));
        }
        if (id != null && !id.matches("[a-z][a-z0-9_]*")) {
          item.problem("id", "source id '" + id + "' must be lower-case letters and digits");
        } else if (id != null && byId.containsKey(id)) {
          item.problem("id", "duplicate source id '" + id + "'");
        } else if (id != null) {
          byId.put(id, new Source(id, name, kind, system == null ? "" : system, reveals == null ? List.of() : reveals));
        }
      }
    });
    return new Sources(byId);
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  public Optional<Source> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}
