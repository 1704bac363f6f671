package cn.jzz.hub.schema;

import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tag dictionary of {@code schemas/tags.yaml}: every tag of the tag fields, with its owners,
 * sensitivity, explanation and rule, plus the age filters offered like tags.
 *
 * @param tags entries in file order
 */
public record TagDictionary(List<TagDef> tags) {

  static final String FILE = "tags.yaml";
  static final List<String> RULE_KINDS =
      List.of("asserted", "asserted_with_validity", "household_rule", "age_filter");

  public TagDictionary {
    tags = List.copyOf(tags);
  }

  /** Loads tags.yaml together with the schema it refers to. */
  public static TagDictionary load(Path schemasDir) {
    return load(schemasDir, ResidentSchema.load(schemasDir));
  }

  /**
   * Loads and validates tags.yaml against {@code schema}: unknown keys, tag fields, source ids, rule
   * kinds and sex codes are errors, and so is a tag of a tag field that has no entry.
   *
   * @throws SchemaException listing every problem found
   */
  public static TagDictionary load(Path schemasDir, ResidentSchema schema) {
    Problems problems = new Problems();
    List<TagDef> tags = new ArrayList<>();
    YamlFiles.read(schemasDir, FILE, problems).ifPresent(root -> {
      StrictNode doc = StrictNode.root(FILE, root, problems);
      doc.allowOnly("version", "tags");
      if (doc.optInt("version") == null) {
        doc.problem("version", "missing required key 'version' (an integer, currently 1)");
      }
      Set<String> names = new HashSet<>();
      for (StrictNode item : doc.list("tags")) {
        TagDef tag = readTag(item, schema);
        if (tag != null && !names.add(tag.name())) {
          item.problem("name", "duplicate tag '" + tag.name() + "'");
        } else if (tag != null) {
          tags.add(tag);
        }
      }
      for (FieldDef field : schema.tagFields()) {
        for (String tag : field.type().values()) {
          if (!names.contains(tag)) {
            doc.problem("tags", "tag '" + tag + "' of field " + field.key()
                + " (resident.yaml) has no entry here; add one with its owners and rule");
          }
        }
      }
    });
    problems.throwIfAny();
    return new TagDictionary(tags);
  }

  private static TagDef readTag(StrictNode item, ResidentSchema schema) {
    item.allowOnly("name", "field", "owners", "sensitivity", "explanation", "rule");
    String name = item.text("name");
    String fieldKey = item.optText("field");
    List<String> owners = item.optTextList("owners");
    String explanation = item.text("explanation");
    StrictNode ruleNode = item.optChild("rule");
    if (ruleNode == null && !item.has("rule")) {
      item.problem("rule", "missing required key 'rule', e.g. {kind: asserted}");
    }
    TagRule rule = ruleNode == null ? null : readRule(ruleNode, schema);
    boolean ageFilter = rule instanceof AgeFilter;
    FieldDef field = null;
    if (fieldKey != null) {
      field = schema.field(fieldKey).filter(FieldDef::isTags).orElse(null);
      if (field == null) {
        item.problem("field", "unknown tag field '" + fieldKey + "'; tag fields: "
            + schema.tagFields().stream().map(FieldDef::key).collect(Collectors.joining(", ")));
      } else if (name != null && !field.type().values().contains(name)) {
        item.problem("name", "tag '" + name + "' is not among the tags of " + fieldKey
            + " in resident.yaml " + field.type().values() + "; add it there first");
      }
    }
    if (ageFilter && fieldKey != null) {
      item.problem("field", "age filters are computed from birth_date and belong to no tag field; remove it");
    } else if (rule != null && !ageFilter && fieldKey == null) {
      item.problem("field", "missing required key 'field' (the tag field that holds this tag)");
    }
    if (owners == null) {
      item.problem("owners", "missing required key 'owners' (source ids; [] for age filters)");
      owners = List.of();
    }
    for (String owner : owners) {
      if (!schema.sources().contains(owner)) {
        item.problem("owners", "unknown source id '" + owner + "'; known: " + String.join(", ", schema.sources().ids()));
      }
    }
    if (rule != null && !ageFilter && owners.isEmpty()) {
      item.problem("owners", "a tag that is not an age filter needs at least one owning source");
    }
    Set<Sensitivity> sensitivity = item.has("sensitivity")
        ? ResidentSchemaLoader.readSensitivity(item, "sensitivity")
        : field == null ? Set.of() : field.sensitivity();
    if (name == null || explanation == null || rule == null || (!ageFilter && field == null)) {
      return null;
    }
    return new TagDef(name, fieldKey, owners, sensitivity, explanation, rule);
  }

  private static TagRule readRule(StrictNode rule, ResidentSchema schema) {
    String kind = rule.text("kind");
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "asserted" -> {
        rule.allowOnly("kind");
        return new AssertedRule();
      }
      case "asserted_with_validity" -> {
        return readValidity(rule);
      }
      case "household_rule" -> {
        rule.allowOnly("kind", "min_age", "household", "or_asserted_by");
        Integer minAge = rule.optInt("min_age");
        String household = rule.text("household");
        List<String> by = Optional.ofNullable(rule.optTextList("or_asserted_by")).orElse(List.of());
        if (minAge == null || minAge < 0) {
          rule.problem("min_age", "household_rule needs min_age, a whole number of years ≥ 0");
        }
        HouseholdRule.Household h = household == null ? null : Arrays.stream(HouseholdRule.Household.values())
            .filter(x -> x.yaml().equals(household)).findFirst().orElse(null);
        if (household != null && h == null) {
          rule.problem("household", "unknown household condition '" + household + "'; allowed: "
              + Arrays.stream(HouseholdRule.Household.values()).map(HouseholdRule.Household::yaml)
                  .collect(Collectors.joining(", ")));
        }
        for (String s : by) {
          if (!schema.sources().contains(s)) {
            rule.problem("or_asserted_by", "unknown source id '" + s + "'; known: " + String.join(", ", schema.sources().ids()));
          }
        }
        return minAge == null || minAge < 0 || h == null ? null : new HouseholdRule(minAge, h, new LinkedHashSet<>(by));
      }
      case "age_filter" -> {
        rule.allowOnly("kind", "min_age", "max_age", "sex_codes");
        Integer min = rule.optInt("min_age");
        Integer max = rule.optInt("max_age");
        List<String> sexCodes = Optional.ofNullable(rule.optTextList("sex_codes")).orElse(List.of());
        boolean ok = true;
        if (min == null && max == null) {
          rule.problem(null, "an age filter needs min_age, max_age or both");
          ok = false;
        } else if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
          rule.problem(null, "ages must be ≥ 0 and min_age ≤ max_age");
          ok = false;
        }
        CodeTable sex = schema.codeTables().get("sex").orElse(null);
        for (String code : sexCodes) {
          if (sex != null && !sex.contains(code)) {
            rule.problem("sex_codes", "unknown sex code '" + code + "'; codes/sex.csv has " + sex.entries().keySet());
            ok = false;
          }
        }
        return ok ? new AgeFilter(min, max, new LinkedHashSet<>(sexCodes)) : null;
      }
      default -> {
        rule.problem("kind", "unknown rule kind '" + kind + "'; allowed: " + String.join(", ", RULE_KINDS));
        return null;
      }
    }
  }

  private static TagRule readValidity(StrictNode rule) {
    rule.allowOnly("kind", "from", "until", "until_inclusive", "duration");
    String from = rule.text("from");
    String until = rule.optText("until");
    String durationText = rule.optText("duration");
    boolean inclusive = rule.optBool("until_inclusive", false);
    if ((until == null) == (durationText == null)) {
      rule.problem(null, "asserted_with_validity needs exactly one of 'until' (a source date) or 'duration' (e.g. P5Y)");
      return null;
    }
    if (durationText != null && rule.has("until_inclusive")) {
      rule.problem("until_inclusive", "a duration window always ends exclusively; remove until_inclusive");
    }
    Period duration = null;
    if (durationText != null) {
      try {
        duration = Period.parse(durationText);
      } catch (DateTimeParseException e) {
        rule.problem("duration", "'" + durationText + "' is not an ISO-8601 period such as P5Y or P6M");
        return null;
      }
      if (duration.isNegative() || duration.isZero()) {
        rule.problem("duration", "duration must be positive");
        return null;
      }
    }
    return from == null ? null : new ValidityWindowRule(from, until, inclusive, duration);
  }

  /** A tag or age filter by name. */
  public Optional<TagDef> tag(String name) {
    return tags.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The tags held by one tag field, in dictionary order. */
  public List<TagDef> tagsOf(String fieldKey) {
    return tags.stream().filter(t -> fieldKey.equals(t.field())).toList();
  }

  /** The age filters (高龄, 老年人, 育龄妇女, 儿童). */
  public List<TagDef> ageFilters() {
    return tags.stream().filter(TagDef::isAgeFilter).toList();
  }
}
