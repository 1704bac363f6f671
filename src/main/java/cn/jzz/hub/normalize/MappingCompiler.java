package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.CompiledMapping.CompiledEntity;
import cn.jzz.hub.normalize.CompiledMapping.Condition;
import cn.jzz.hub.normalize.CompiledMapping.FieldProgram;
import cn.jzz.hub.normalize.MappingDefinition.EntityDefinition;
import cn.jzz.hub.normalize.MappingDefinition.FieldRule;
import cn.jzz.hub.support.ConfigProblems;
import cn.jzz.hub.support.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates a mapping against the schema and compiles it. All problems are collected and reported
 * together with their path in the file; nothing half-valid is ever returned.
 */
public final class MappingCompiler {

  /** Fields the hub itself keeps that a mapping may set besides the 55. */
  static final Set<String> SYSTEM_TARGETS = Set.of("status");

  private final Predicate<String> knownField;

  /** @param knownField whether a target key exists in {@code schemas/} */
  public MappingCompiler(Predicate<String> knownField) {
    this.knownField = knownField;
  }

  /** The outcome of compiling: a mapping, or every problem found. */
  public record Result(CompiledMapping mapping, List<ConfigProblems.Problem> problems) {
    public boolean valid() {
      return mapping != null;
    }
  }

  public Result compile(String yaml, String expectedSource) {
    ConfigProblems problems = new ConfigProblems("mapping for " + expectedSource);
    JsonNode root;
    try {
      root = Yaml.read(yaml);
    } catch (IOException e) {
      problems.add("$", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
      return new Result(null, problems.list());
    }
    MappingDefinition definition = MappingParser.parse(root, problems);
    if (definition == null) {
      return new Result(null, problems.list());
    }
    if (definition.source() != null && !definition.source().equals(expectedSource)) {
      problems.add("$.source", "is '" + definition.source() + "' but this is the mapping of '" + expectedSource + "'");
    }
    Map<String, CompiledEntity> entities = new LinkedHashMap<>();
    definition.entities().forEach((name, entity) -> entities.put(name, entity(name, entity, "$.entities." + name, problems)));
    if (!problems.isEmpty()) {
      return new Result(null, problems.list());
    }
    return new Result(new CompiledMapping(expectedSource, definition.version(), yaml, entities), List.of());
  }

  private CompiledEntity entity(String name, EntityDefinition entity, String path, ConfigProblems problems) {
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < entity.when().size(); i++) {
      MappingDefinition.Condition c = entity.when().get(i);
      if (c.column() == null) {
        continue;
      }
      String column = c.column();
      if (c.in() != null) {
        Set<String> allowed = Set.copyOf(c.in());
        conditions.add(new Condition("when " + column + " in " + c.in(), row -> allowed.contains(Objects.toString(row.get(column), "").strip())));
      } else if (c.notIn() != null) {
        Set<String> refused = Set.copyOf(c.notIn());
        conditions.add(new Condition("when " + column + " not in " + c.notIn(), row -> !refused.contains(Objects.toString(row.get(column), "").strip())));
      }
    }
    Map<String, FieldProgram> programs = new LinkedHashMap<>();
    entity.fields().forEach((target, rule) -> {
      String at = path + ".fields." + target;
      if (!knownField.test(target) && !SYSTEM_TARGETS.contains(target)) {
        problems.add(at, "unknown target field '" + target + "'; see schemas/resident.yaml (or GET /api/v1/schema) for the 55 keys");
      }
      programs.put(target, program(target, rule, at, problems));
    });
    return new CompiledEntity(name, entity.idNumber(), List.copyOf(conditions), CompiledMapping.listOf(programs));
  }

  private static FieldProgram program(String target, FieldRule rule, String path, ConfigProblems problems) {
    List<Transform> chain = new ArrayList<>();
    for (int i = 0; i < rule.transform().size(); i++) {
      chain.add(Transforms.compile(rule.transform().get(i), path + ".transform[" + i + "]", problems));
    }
    return new FieldProgram(target, rule.from(), rule.constant(), List.copyOf(chain));
  }
}
