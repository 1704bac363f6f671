package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagDictionaryTest {

  @TempDir Path tmp;

  private final TagDictionary tags = SchemaFixtures.tags();

  @Test
  void coversEveryTagOfEveryTagFieldPlusTheFourAgeFilters() {
    ResidentSchema schema = SchemaFixtures.schema();
    for (FieldDef field : schema.tagFields()) {
      assertThat(tags.tagsOf(field.key())).extracting(TagDef::name)
          .containsExactlyElementsOf(field.type().values());
    }
    assertThat(tags.ageFilters()).extracting(TagDef::name).containsExactly("高龄", "老年人", "育龄妇女", "儿童");
  }

  @Test
  void sensitivityIsInheritedFromTheField() {
    assertThat(tags.tag("刑满释放人员").orElseThrow().sensitivity())
        .containsExactlyInAnyOrder(Sensitivity.S, Sensitivity.RESTRICTED);
    assertThat(tags.tag("严重精神障碍患者").orElseThrow().isRestricted()).isTrue();
    assertThat(tags.tag("楼栋长").orElseThrow().sensitivity()).isEmpty();
  }

  @Test
  void rulesAreTypedAsTheSpecSays() {
    assertThat(tags.tag("刑满释放人员").orElseThrow().rule())
        .isEqualTo(new ValidityWindowRule("sfrq", null, false, Period.ofYears(5)));
    assertThat(tags.tag("社区矫正对象").orElseThrow().rule())
        .isEqualTo(new ValidityWindowRule("jzqsrq", "jzzzrq", true, null));
    assertThat(tags.tag("独居").orElseThrow().rule()).isInstanceOfSatisfying(HouseholdRule.class, r -> {
      assertThat(r.minAge()).isEqualTo(60);
      assertThat(r.household()).isEqualTo(HouseholdRule.Household.ONLY_ACTIVE_PERSON);
      assertThat(r.orAssertedBy()).containsExactly("zfw");
    });
    assertThat(tags.tag("育龄妇女").orElseThrow().rule()).isInstanceOfSatisfying(AgeFilter.class, f -> {
      assertThat(f.minAge()).isEqualTo(15);
      assertThat(f.maxAge()).isEqualTo(49);
    });
    assertThat(tags.tag("孤儿").orElseThrow().rule()).isInstanceOf(AssertedRule.class);
  }

  @Test
  void collectsUnknownFieldSourceAndRuleKindAtOnce() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "tags.yaml", "    field: veteran_tags\n    owners: [tyjrj]\n    explanation: 退役军人事务局登记的退役士兵。",
        "    field: veteran_tag\n    owners: [tyjrj]\n    explanation: 退役军人事务局登记的退役士兵。");
    SchemaFixtures.edit(dir, "tags.yaml", "owners: [zzb]\n    explanation: 组织部登记的楼栋长。",
        "owners: [zzbb]\n    explanation: 组织部登记的楼栋长。");
    SchemaFixtures.edit(dir, "tags.yaml", "explanation: 民政局认定的孤儿。\n    rule: {kind: asserted}",
        "explanation: 民政局认定的孤儿。\n    rule: {kind: assertd}");
    SchemaFixtures.edit(dir, "tags.yaml", "{kind: age_filter, min_age: 80}", "{kind: age_filter, min_age: 80, sex: 男}");

    assertThatThrownBy(() -> TagDictionary.load(dir)).isInstanceOf(SchemaException.class)
        .hasMessageContaining("tags.yaml tags[15].field: unknown tag field 'veteran_tag'; tag fields: health_focus_tags, elderly_tags")
        .hasMessageContaining("tags.yaml tags[29].owners: unknown source id 'zzbb'; known: gaj, mzj")
        .hasMessageContaining("tags.yaml tags[14].rule.kind: unknown rule kind 'assertd'; allowed: asserted, asserted_with_validity, household_rule, age_filter")
        .hasMessageContaining("tags.yaml tags[30].rule.sex: unknown key 'sex'; allowed: kind, min_age, max_age, sex_codes")
        // the two broken entries leave their tags without an entry: reported too
        .hasMessageContaining("tag '退役士兵' of field veteran_tags (resident.yaml) has no entry here")
        .hasMessageContaining("tag '孤儿' of field child_tags (resident.yaml) has no entry here");
  }

  @Test
  void rejectsATagItsFieldDoesNotAllow() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "tags.yaml", "  - name: 楼栋长\n", "  - name: 单元长\n");
    assertThatThrownBy(() -> TagDictionary.load(dir))
        .hasMessageContaining("tag '单元长' is not among the tags of party_community_tags in resident.yaml");
  }
}
