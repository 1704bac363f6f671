package cn.jzz.hub.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A validated mapping, ready to apply to raw rows. Immutable and shared across threads. */
public final class CompiledMapping {

  private final String source;
  private final int version;
  private final String yaml;
  private final Map<String, CompiledEntity> entities;

  CompiledMapping(String source, int version, String yaml, Map<String, CompiledEntity> entities) {
    this.source = source;
    this.version = version;
    this.yaml = yaml;
    this.entities = Map.copyOf(entities);
  }

  public String source() {
    return source;
  }

  public int version() {
    return version;
  }

  /** The text this was compiled from, as the admin wrote it. */
  public String yaml() {
    return yaml;
  }

  public CompiledEntity entity(String name) {
    return entities.get(name);
  }

  /** A row-level condition; its description names the rule in filter counts. */
  record Condition(String description, Predicate<Map<String, Object>> test) {}

  /** A target field fed from a column (or a constant) through a transform chain. */
  record FieldProgram(String target, String column, Object constant, List<Transform> chain) {}

  /** How one entity's rows become one person's fields. */
  public record CompiledEntity(String name, String idColumn, List<Condition> conditions, List<FieldProgram> fields) {

    /** The first condition this row fails, or null if it passes them all. */
    String failedCondition(Map<String, Object> row) {
      for (Condition c : conditions) {
        if (!c.test().test(row)) {
          return c.description();
        }
      }
      return null;
    }

    Object idNumber(Map<String, Object> row) {
      return row.get(idColumn);
    }

    /** Applies every field program; unreadable values are left out and explained in {@code quality}. */
    Map<String, Object> fields(Map<String, Object> row, List<String> quality) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (FieldProgram program : fields) {
        Object value = program.column() != null ? row.get(program.column()) : program.constant();
        try {
          for (Transform step : program.chain()) {
            value = step.apply(value);
          }
          if (value != null) {
            out.put(program.target(), value);
          }
        } catch (Transform.ValueRejected e) {
          quality.add(program.target() + ": " + e.getMessage());
        }
      }
      return out;
    }
  }

  static List<FieldProgram> listOf(Map<String, FieldProgram> programs) {
    return new ArrayList<>(programs.values());
  }
}
