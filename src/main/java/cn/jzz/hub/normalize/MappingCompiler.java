package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.CompiledMapping.CompiledEntity;
import cn.jzz.hub.normalize.CompiledMapping.FieldProgram;
import cn.jzz.hub.normalize.CompiledMapping.PersonProgram;
import cn.jzz.hub.normalize.CompiledMapping.ReferenceProgram;
import cn.jzz.hub.normalize.CompiledMapping.TagProgram;
import cn.jzz.hub.normalize.CompiledMapping.ValueProgram;
import cn.jzz.hub.normalize.MappingDefinition.EntityDefinition;
import cn.jzz.hub.normalize.MappingDefinition.PersonDefinition;
import cn.jzz.hub.normalize.MappingDefinition.ReferenceDefinition;
import cn.jzz.hub.normalize.MappingDefinition.TagDefinition;
import cn.jzz.hub.normalize.MappingDefinition.ValueRule;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.Source;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.support.ConfigProblems;
import cn.jzz.hub.support.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a mapping against {@code schemas/} and compiles it. All problems are collected and
 * reported together with their path in the file (and, through {@link YamlLocator}, their line);
 * nothing half-valid is ever returned.
 */
public final class MappingCompiler {

  /** Fields the hub keeps outside the 55 that a mapping may set. */
  static final Set<String> SYSTEM_TARGETS = Set.of("status");
  /** Fields set by the hub from the person's ID number, never by a mapping. */
  static final Set<String> IDENTITY_TARGETS = Set.of("id_number", "id_type", "person_id");
  /**
   * Link fields that attach a person to a {@link ReferenceRecord} the merge resolves; only those whose
   * kind has no resident field of its own (house_code and grid_code are resident fields).
   */
  static final Map<String, String> LINK_TARGETS = Map.of("family_code", "family", "insured_no", "insurance");

  private static final FieldType LINK_TYPE = new FieldType(FieldType.Kind.STRING, null, List.of(), null, false);

  private final MappingContext context;

  public MappingCompiler(MappingContext context) {
    this.context = context;
  }

  public MappingContext context() {
    return context;
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
    Source source = context.schema().sources().get(expectedSource).orElse(null);
    if (source == null) {
      problems.add("$.source", "unknown source id '" + expectedSource + "'; schemas/sources.yaml lists " + context.schema().sources().ids());
    }
    Map<String, CompiledEntity> entities = new LinkedHashMap<>();
    definition.entities().forEach((name, entity) -> entities.put(name, entity(name, entity, expectedSource, source, problems)));
    if (!problems.isEmpty()) {
      return new Result(null, problems.list());
    }
    return new Result(new CompiledMapping(expectedSource, definition.version(), yaml, entities, context), List.of());
  }

  private CompiledEntity entity(String name, EntityDefinition entity, String sourceId, Source source, ConfigProblems problems) {
    if (entity.fullDump() && source != null) {
      String type = context.connectorType().apply(sourceId);
      boolean fileSource = Set.of("csv", "xlsx").contains(source.kind());
      if (!fileSource) {
        problems.add(entity.path() + ".full_dump", sourceId + " is a " + source.kind() + " source (schemas/sources.yaml); only file sources (csv, xlsx) deliver full dumps");
      } else if (type != null && !type.matches(".*(file|csv|xlsx).*")) {
        problems.add(entity.path() + ".full_dump", "connectors/" + sourceId + ".yaml has type '" + type + "', not a file connector, so nothing diffs the dumps");
      }
    }
    List<CompiledMapping.Condition> conditions = conditions(entity.when());
    List<PersonProgram> persons = new ArrayList<>();
    for (PersonDefinition person : entity.persons()) {
      persons.add(person(person, sourceId, problems));
    }
    ReferenceProgram reference = entity.reference() == null ? null : reference(entity.reference(), problems);
    return new CompiledEntity(name, entity.description(), entity.fullDump(), conditions, List.copyOf(persons), reference);
  }

  private static List<CompiledMapping.Condition> conditions(List<MappingDefinition.Condition> when) {
    List<CompiledMapping.Condition> out = new ArrayList<>();
    for (MappingDefinition.Condition c : when) {
      if (c.column() == null || (c.in() == null) == (c.notIn() == null)) {
        continue;
      }
      String description = c.rule() != null ? c.rule()
          : "when " + c.column() + (c.in() != null ? " in " + c.in() : " not in " + c.notIn());
      out.add(new CompiledMapping.Condition(description, c.column(), c.in() == null ? null : Set.copyOf(c.in()), c.notIn() == null ? null : Set.copyOf(c.notIn())));
    }
    return List.copyOf(out);
  }

  private PersonProgram person(PersonDefinition person, String sourceId, ConfigProblems problems) {
    ValueProgram id = null;
    String idLabel = person.role().isEmpty() ? "id_number" : person.role() + ".id_number";
    if (person.idNumber() != null) {
      Chain chain = chain(person.idNumber(), problems);
      id = chain.program();
      if (chain.type().list() || chain.type().kind() == ValueType.Kind.BOOL || chain.type().kind() == ValueType.Kind.DATE) {
        problems.add(person.idNumber().path(), "an ID number is text; the chain yields " + chain.type().describe());
      }
      idLabel = person.idNumber().from() != null ? person.idNumber().from() : idLabel;
    }
    List<FieldProgram> fields = new ArrayList<>();
    person.fields().forEach((target, rule) -> {
      FieldType type = personTarget(target, rule.path(), problems);
      Chain chain = chain(rule, problems);
      if (type != null) {
        TargetTypes.check(target, type, chain.type(), context.schema().codeTables(), rule.path(), problems);
      }
      fields.add(new FieldProgram(target, type, chain.program()));
    });
    List<TagProgram> tags = new ArrayList<>();
    for (TagDefinition tag : person.tags()) {
      tags.add(tag(tag, sourceId, problems));
    }
    return new PersonProgram(person.role(), id, idLabel, person.optional(), conditions(person.when()), List.copyOf(fields), List.copyOf(tags));
  }

  private FieldType personTarget(String target, String path, ConfigProblems problems) {
    if (IDENTITY_TARGETS.contains(target)) {
      problems.add(path, target + " is set by the hub from the person's id_number; remove this field");
      return null;
    }
    if (LINK_TARGETS.containsKey(target)) {
      return LINK_TYPE;
    }
    FieldDef field = context.schema().field(target).orElse(null);
    if (field == null || (field.isSystem() && !SYSTEM_TARGETS.contains(target))) {
      problems.add(path, "unknown target field '" + target + "'; see schemas/resident.yaml (or GET /api/v1/schema) for the 55 keys; also allowed: "
          + SYSTEM_TARGETS + " and the link fields " + LINK_TARGETS.keySet());
      return null;
    }
    if (field.isTags()) {
      problems.add(path, target + " is a tag field: emit its tags under 'tags:' ({tag: …, from: …, until: …}), not under 'fields:'");
      return null;
    }
    if (!TargetTypes.SETTABLE.contains(field.type().kind())) {
      problems.add(path, target + " is a " + field.type().kind().yaml() + " field the hub maintains; a mapping cannot set it");
      return null;
    }
    return field.type();
  }

  private TagProgram tag(TagDefinition tag, String sourceId, ConfigProblems problems) {
    ValueProgram names = null;
    if (tag.tag() != null) {
      Chain chain = chain(tag.tag(), problems);
      names = chain.program();
      ValueType type = chain.type();
      if (type.kind() != ValueType.Kind.ANY && type.kind() != ValueType.Kind.TEXT) {
        problems.add(tag.tag().path(), "a tag is a name; the chain yields " + type.describe());
      }
      if (type.values() != null) {
        for (String name : type.values()) {
          checkTag(name, sourceId, tag.tag().path(), problems);
        }
      }
    }
    ValueProgram from = tag.from() == null ? null : date(tag.from(), problems);
    ValueProgram until = tag.until() == null ? null : date(tag.until(), problems);
    return new TagProgram(names, from, until, conditions(tag.when()));
  }

  private void checkTag(String name, String sourceId, String path, ConfigProblems problems) {
    TagDef def = context.tags().tag(name).orElse(null);
    if (def == null) {
      problems.add(path, "unknown tag '" + name + "'; schemas/tags.yaml has " + context.tags().tags().stream().filter(t -> !t.isAgeFilter()).map(TagDef::name).toList());
    } else if (def.isAgeFilter()) {
      problems.add(path, "'" + name + "' is an age filter computed from birth_date; a source cannot assert it");
    } else if (!def.owners().contains(sourceId)) {
      problems.add(path, sourceId + " may not assert '" + name + "'; its owners in schemas/tags.yaml are " + def.owners());
    }
  }

  private ValueProgram date(ValueRule rule, ConfigProblems problems) {
    Chain chain = chain(rule, problems);
    ValueType.Kind k = chain.type().kind();
    if (chain.type().list() || k == ValueType.Kind.BOOL || k == ValueType.Kind.INT && rule.from() == null) {
      problems.add(rule.path(), "a validity bound is a date; the chain yields " + chain.type().describe());
    }
    return chain.program();
  }

  private ReferenceProgram reference(ReferenceDefinition reference, ConfigProblems problems) {
    Map<String, FieldType> kindFields = reference.kind() == null ? Map.of() : ReferenceKinds.fields(reference.kind(), context.schema());
    if (reference.kind() != null && kindFields.isEmpty()) {
      problems.add(reference.path() + ".kind", "unknown reference kind '" + reference.kind() + "'; known: " + ReferenceKinds.KINDS);
    }
    ValueProgram code = null;
    if (reference.code() != null) {
      Chain chain = chain(reference.code(), problems);
      code = chain.program();
      if (chain.type().list() || chain.type().kind() == ValueType.Kind.BOOL || chain.type().kind() == ValueType.Kind.DATE) {
        problems.add(reference.code().path(), "a code is text; the chain yields " + chain.type().describe());
      }
    }
    List<FieldProgram> fields = new ArrayList<>();
    reference.fields().forEach((target, rule) -> {
      FieldType type = kindFields.get(target);
      if (type == null && !kindFields.isEmpty()) {
        problems.add(rule.path(), "unknown field '" + target + "' of reference kind " + reference.kind() + "; its fields: " + kindFields.keySet());
      }
      Chain chain = chain(rule, problems);
      if (type != null) {
        TargetTypes.check(target, type, chain.type(), context.schema().codeTables(), rule.path(), problems);
      }
      fields.add(new FieldProgram(target, type, chain.program()));
    });
    return new ReferenceProgram(reference.kind(), code, List.copyOf(fields));
  }

  private record Chain(ValueProgram program, ValueType type) {}

  private Chain chain(ValueRule rule, ConfigProblems problems) {
    if (rule.isConstant()) {
      String constant = String.valueOf(rule.constant());
      if (rule.constant() instanceof Map || rule.constant() instanceof List) {
        problems.add(rule.path() + ".const", "a constant is a single value");
      }
      return new Chain(new ValueProgram(null, constant, List.of()), new ValueType(ValueType.Kind.TEXT, false, Set.of(constant), null, false));
    }
    ValueType type = ValueType.RAW;
    List<Transforms.Step> steps = new ArrayList<>();
    boolean unreachable = false;
    for (MappingDefinition.TransformDefinition def : rule.transform()) {
      if (type.alwaysNull() && !unreachable) {
        unreachable = true;
        problems.add(def.path(), "unreachable: the step before always yields null (every map target is null), so '" + def.name() + "' never runs");
      }
      Transforms.Step step = Transforms.compile(def, type, context, problems);
      steps.add(step);
      type = step.out();
    }
    if (type.alwaysNull() && !unreachable) {
      problems.add(rule.path(), "never yields a value: the chain ends in a map whose every target is null");
    }
    return new Chain(new ValueProgram(rule.from(), null, List.copyOf(steps)), type);
  }
}
