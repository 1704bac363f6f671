package cn.jzz.hub.query;

import cn.jzz.hub.schema.AgeFilter;
import cn.jzz.hub.schema.Authority;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.Sensitivity;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code GET /api/v1/schema}, derived from the {@link ResidentSchema}.
 *
 * @param version the schema version
 * @param fields the 55 data fields by number
 * @param systemFields the system fields
 * @param tags the tag dictionary and the age filters, for tag pickers and explanations in the console
 */
public record SchemaResponse(
    int version,
    List<Field> fields,
    @JsonProperty("system_fields") List<Field> systemFields,
    List<Tag> tags) {

  /**
   * One tag or age filter.
   *
   * @param name the tag
   * @param field its tag field; null for age filters
   * @param owners source ids that may assert it
   * @param sensitivity effective sensitivity codes
   * @param explanation Chinese explanation
   * @param rule the rule kind ({@code asserted}, {@code asserted_with_validity}, {@code household_rule},
   *     {@code age_filter})
   * @param ruleText the rule in words
   * @param minAge for age filters: minimum age, else null
   * @param maxAge for age filters: maximum age, else null
   * @param sexCodes for age filters: qualifying sex codes, else null
   */
  public record Tag(
      String name,
      String field,
      List<String> owners,
      List<String> sensitivity,
      String explanation,
      String rule,
      @JsonProperty("rule_text") String ruleText,
      @JsonProperty("min_age") Integer minAge,
      @JsonProperty("max_age") Integer maxAge,
      @JsonProperty("sex_codes") List<String> sexCodes) {}

  /** One field as the API shows it. */
  public record Field(
      Integer number,
      String key,
      String label,
      String group,
      @JsonProperty("group_label") String groupLabel,
      String type,
      @JsonProperty("code_table") String codeTable,
      List<String> values,
      @JsonProperty("max_length") Integer maxLength,
      boolean repeated,
      List<String> sensitivity,
      AuthorityView authority,
      boolean searchable,
      String description) {}

  /**
   * Survivorship as the API shows it.
   *
   * @param rule {@code ordered}, {@code latest_of} or {@code none}
   * @param sources source ids (and {@code derived}) in rank order or as the candidate set
   * @param thenLatest whether, after the ordered sources, the latest value of any other source wins
   * @param text the spec's notation, e.g. {@code latest of ishandong, zfw}
   */
  public record AuthorityView(
      String rule, List<String> sources, @JsonProperty("then_latest") boolean thenLatest, String text) {}

  public static SchemaResponse from(ResidentSchema schema, TagDictionary tags) {
    return new SchemaResponse(
        schema.version(),
        schema.fields().stream().map(SchemaResponse::field).toList(),
        schema.systemFields().stream().map(SchemaResponse::field).toList(),
        tags.tags().stream().map(SchemaResponse::tag).toList());
  }

  private static Tag tag(TagDef t) {
    AgeFilter age = t.rule() instanceof AgeFilter a ? a : null;
    return new Tag(
        t.name(),
        t.field(),
        t.owners(),
        t.sensitivity().stream().sorted().map(Sensitivity::code).toList(),
        t.explanation(),
        t.rule().kind(),
        t.rule().describe(),
        age == null ? null : age.minAge(),
        age == null ? null : age.maxAge(),
        age == null ? null : age.sexCodes().stream().sorted().toList());
  }

  private static Field field(FieldDef f) {
    Authority a = f.authority();
    return new Field(
        f.number(),
        f.key(),
        f.label(),
        f.group().id(),
        f.group().label(),
        f.type().kind().yaml(),
        f.type().codeTable(),
        f.type().values().isEmpty() ? null : f.type().values(),
        f.type().maxLength(),
        f.type().repeated(),
        f.sensitivity().stream().sorted().map(Sensitivity::code).toList(),
        a == null ? null : new AuthorityView(a.rule().name().toLowerCase(), a.sources(), a.thenLatest(), a.describe()),
        f.searchable(),
        f.description());
  }
}
