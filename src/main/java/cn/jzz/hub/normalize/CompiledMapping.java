package cn.jzz.hub.normalize;

import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.TagAssertion;
import cn.jzz.hub.schema.TagDef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A validated mapping, ready to apply to raw rows. Immutable and shared across threads. */
public final class CompiledMapping {

  private final String source;
  private final int version;
  private final String yaml;
  private final Map<String, CompiledEntity> entities;
  private final MappingContext context;

  CompiledMapping(String source, int version, String yaml, Map<String, CompiledEntity> entities, MappingContext context) {
    this.source = source;
    this.version = version;
    this.yaml = yaml;
    this.entities = Map.copyOf(entities);
    this.context = context;
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

  public Set<String> entityNames() {
    return entities.keySet();
  }

  MappingContext context() {
    return context;
  }

  /** A row-level condition; its description names the rule in filter counts. */
  record Condition(String description, String column, Set<String> in, Set<String> notIn) {
    boolean test(Map<String, Object> row) {
      Object raw = row.get(column);
      String value = raw == null ? "" : Values.foldWidth(Values.text(raw)).strip();
      return in != null ? in.contains(value) : !notIn.contains(value);
    }

    static String firstFailed(List<Condition> conditions, Map<String, Object> row) {
      for (Condition c : conditions) {
        if (!c.test(row)) {
          return c.description();
        }
      }
      return null;
    }
  }

  /** A value read from a column (or a constant) through a chain of steps. */
  record ValueProgram(String column, Object constant, List<Transforms.Step> steps) {

    /** The value, null when there is none; blank text counts as none. */
    Object run(Map<String, Object> row, String label, List<String> notes) throws Transform.ValueRejected {
      Object value = column != null ? row.get(column) : constant;
      if (value instanceof String s && s.isBlank()) {
        value = null;
      }
      for (Transforms.Step step : steps) {
        if (value instanceof List<?> list && !step.listAware()) {
          List<Object> out = new ArrayList<>();
          for (Object item : list) {
            try {
              Object r = item == null ? null : step.fn().apply(item);
              if (r instanceof List<?> inner) {
                out.addAll(inner);
              } else if (r != null) {
                out.add(r);
              }
            } catch (Transform.ValueRejected e) {
              notes.add(label + ": " + e.getMessage());
            }
          }
          value = out.isEmpty() ? null : List.copyOf(out);
        } else if (value != null || step.acceptsNull()) {
          value = step.fn().apply(value);
        }
      }
      return value;
    }
  }

  /** A target field (of the person or of a reference kind) and the program that fills it. */
  record FieldProgram(String target, FieldType type, ValueProgram value) {
    void apply(Map<String, Object> row, cn.jzz.hub.schema.CodeTables tables, Map<String, Object> out, List<String> notes) {
      try {
        Object v = value.run(row, target, notes);
        if (v != null) {
          out.put(target, TargetTypes.coerce(type, v, tables));
        }
      } catch (Transform.ValueRejected e) {
        notes.add(target + ": " + e.getMessage());
      }
    }
  }

  /** A tag the person carries when the row meets {@code when}, with its validity dates. */
  record TagProgram(ValueProgram tag, ValueProgram from, ValueProgram until, List<Condition> when) {
    void apply(Map<String, Object> row, MappingContext context, String source, List<TagAssertion> out, List<String> notes) {
      if (Condition.firstFailed(when, row) != null) {
        return;
      }
      Object names;
      try {
        names = tag.run(row, "tags", notes);
      } catch (Transform.ValueRejected e) {
        notes.add("tags: " + e.getMessage());
        return;
      }
      if (names == null) {
        return;
      }
      LocalDate start = date(from, row, "tags.from", notes);
      LocalDate end = date(until, row, "tags.until", notes);
      for (Object name : names instanceof List<?> l ? l : List.of(names)) {
        String n = Values.text(name);
        TagDef def = context.tags().tag(n).orElse(null);
        if (def == null || def.isAgeFilter()) {
          notes.add("tags: '" + n + "' is not a tag of schemas/tags.yaml; dropped");
        } else if (!def.owners().contains(source)) {
          notes.add("tags: " + source + " may not assert '" + n + "' (owners " + def.owners() + "); dropped");
        } else if (out.stream().noneMatch(t -> t.tag().equals(n))) {
          out.add(new TagAssertion(n, source, start, end));
        }
      }
    }

    private static LocalDate date(ValueProgram program, Map<String, Object> row, String label, List<String> notes) {
      if (program == null) {
        return null;
      }
      try {
        Object v = program.run(row, label, notes);
        if (v == null) {
          return null;
        }
        return Values.date(v).orElseThrow(() -> new Transform.ValueRejected("'" + Values.text(v) + "' is not a date"));
      } catch (Transform.ValueRejected e) {
        notes.add(label + ": " + e.getMessage());
        return null;
      }
    }
  }

  /**
   * One person a row speaks of.
   *
   * @param role "" in the single-person form
   * @param idLabel how messages name the ID column (never its value)
   */
  record PersonProgram(String role, ValueProgram idNumber, String idLabel, boolean optional, List<Condition> when, List<FieldProgram> fields, List<TagProgram> tags) {}

  /** The reference record a row describes. */
  record ReferenceProgram(String kind, ValueProgram code, List<FieldProgram> fields) {}

  /** How one entity's rows become contributions and reference records. */
  public record CompiledEntity(
      String name, String description, boolean fullDump, List<Condition> conditions, List<PersonProgram> persons, ReferenceProgram reference) {

    /** The first condition this row fails, or null if it passes them all. */
    String failedCondition(Map<String, Object> row) {
      return Condition.firstFailed(conditions, row);
    }
  }
}
