package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResidentSchemaTest {

  private final ResidentSchema schema = SchemaFixtures.schema();

  @Test
  void hasTheFiftyFiveNumberedFieldsInOrder() {
    assertThat(schema.fields()).extracting(FieldDef::number)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 55).boxed().toList());
    assertThat(schema.fieldByNumber(18).orElseThrow().key()).isEqualTo("id_number");
    assertThat(schema.require("full_name").label()).isEqualTo("姓名");
  }

  @Test
  void systemFieldsAreOutsideTheFiftyFive() {
    assertThat(schema.systemFields()).extracting(FieldDef::key).containsExactly(
        "person_id", "status", "sources", "provenance", "conflicts", "quality", "updated_at", "version");
    assertThat(schema.systemFields()).allMatch(f -> f.number() == null && f.authority() == null);
  }

  @Test
  void registryAnswersByGroupSearchableTagsAndSensitivity() {
    assertThat(schema.fieldsOf("A")).extracting(FieldDef::key)
        .containsExactly("county_code", "township_code", "community_code", "grid_code");
    assertThat(schema.searchableFields()).extracting(FieldDef::key)
        .containsExactly("compound_name", "full_name", "hukou_address");
    assertThat(schema.tagFields()).extracting(FieldDef::number)
        .containsExactly(43, 48, 49, 50, 51, 52, 53, 54, 55);
    assertThat(schema.maskedFields()).extracting(FieldDef::key).containsExactly(
        "full_name", "id_number", "phone", "hukou_address", "emergency_contact", "disability_cert_no");
    assertThat(schema.restrictedFields()).extracting(FieldDef::key)
        .containsExactly("justice_tags", "public_safety_tags");
    assertThat(schema.sensitiveFields()).extracting(FieldDef::number)
        .containsExactly(36, 42, 43, 45, 46, 47, 48, 49, 50, 53, 54);
    assertThat(schema.tagField("独居").orElseThrow().key()).isEqualTo("elderly_tags");
  }

  @Test
  void authorityDistinguishesOrderedFromLatestOf() {
    Authority phone = schema.require("phone").authority();
    assertThat(phone.rule()).isEqualTo(Authority.Rule.LATEST_OF);
    assertThat(phone.sources()).containsExactly("ishandong", "zfw", "clj", "tyjrj");
    Authority name = schema.require("full_name").authority();
    assertThat(name.rule()).isEqualTo(Authority.Rule.ORDERED);
    assertThat(name.thenLatest()).isTrue();
    assertThat(name.describe()).isEqualTo("gaj, ishandong, latest");
    assertThat(schema.require("sex").authority().describe()).isEqualTo("gaj, derived");
    assertThat(schema.require("id_number").authority().rule()).isEqualTo(Authority.Rule.NONE);
  }

  @Test
  void codeTablesAreLoadedIncludingDivisions() {
    CodeTables tables = schema.codeTables();
    assertThat(tables.require("sex").nameOf("2")).contains("女");
    assertThat(tables.require("ethnicity").nameOf("01")).contains("汉族");
    CodeTable division = tables.require(CodeTables.DIVISION);
    assertThat(division.nameOf("370811")).contains("任城区"); // latest name of a re-used code
    assertThat(division.contains("370802")).isTrue(); // retired 2012, still historical
    assertThat(division.contains("370871")).isTrue(); // statistical code, accepted
  }

  @Test
  void everyFieldHasADescriptionAndKnownCodeTableAndTagsKnownFields() {
    // Guard for the one-source-of-truth rule: a field without description, a code table that does
    // not exist, or a tag whose field is unknown would already fail loading; this states it plainly.
    List<FieldDef> all = schema.allFields().toList();
    assertThat(all).allSatisfy(f -> {
      assertThat(f.description()).as(f.key()).isNotBlank();
      if (f.type().kind() == FieldType.Kind.CODE) {
        assertThat(schema.codeTables().contains(f.type().codeTable())).as(f.key()).isTrue();
      }
    });
    TagDictionary tags = SchemaFixtures.tags();
    assertThat(tags.tags()).allSatisfy(t -> {
      if (!t.isAgeFilter()) {
        assertThat(schema.field(t.field())).as(t.name()).hasValueSatisfying(f -> assertThat(f.isTags()).isTrue());
        assertThat(t.owners()).as(t.name()).allMatch(schema.sources()::contains);
      }
    });
  }
}
