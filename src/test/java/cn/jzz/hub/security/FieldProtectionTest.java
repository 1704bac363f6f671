package cn.jzz.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each role of access-policy.md gets of one realistic golden record. */
class FieldProtectionTest {

  static final String ID = "370828195003123693";
  static final Principal GRID = new Principal("grid", Principal.Role.grid_worker, "370811002001");
  static final Principal ANALYST = new Principal("analyst", Principal.Role.analyst, null);
  static final Principal ADMIN = new Principal("admin", Principal.Role.admin, null);

  final FieldProtection protection = PolicyFixtures.protection();

  /** A record as GoldenRecordBuilder writes it: record keys in provenance, conflicts and quality notes. */
  static Map<String, Object> record() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("person_id", "p0123456789abcdef0123456789abcdef");
    doc.put("community_code", "370811002001");
    doc.put("full_name", "金秀英");
    doc.put("id_number", ID);
    doc.put("birth_date", "1950-03-12");
    doc.put("phone", "13905371234");
    doc.put("hukou_address", "山东省济宁市任城区古槐路12号3号楼2单元501室");
    doc.put("elderly_tags", List.of("独居"));
    doc.put("assistance_tags", List.of("低保"));
    doc.put("disability_category", "肢体");
    doc.put("health_status", "慢性病");
    doc.put("justice_tags", List.of("社区矫正对象"));
    doc.put("tag_all", List.of("独居", "低保", "社区矫正对象"));
    doc.put("sources", List.of("gaj", "mzj", "clj", "sfj", "zfw"));
    doc.put("provenance", Map.of(
        "full_name", Map.of("source", "gaj", "record_key", "RK_JBXX:17", "rule", "ordered"),
        "assistance_tags", Map.of("source", "mzj", "record_key", "sa_member:10", "rule", "asserted"),
        "disability_category", Map.of("source", "clj", "record_key", "clj:2f3a", "rule", "ordered"),
        "tags", Map.of("低保", Map.of("source", "mzj", "record_key", "sa_member:10", "rule", "asserted"),
            "社区矫正对象", Map.of("source", "sfj", "record_key", "sqjz_jzdx:3", "rule", "asserted"))));
    doc.put("conflicts", Map.of("phone", List.of(
        Map.of("value", "13905370000", "source", "zfw", "record_key", "wg_rfxx:9"),
        Map.of("value", "13905379999", "source", "sfj", "record_key", "sqjz_jzdx:3"))));
    doc.put("quality", List.of(
        "zfw wg_rfxx:9: phone: '0537 23456' is not a phone number",
        "sfj sqjz_jzdx:3: full_name: '金秀英 ' has trailing spaces",
        "gaj JD_SQJD:4: id_number: '" + ID + "' has a lower-case x",
        "clj clj:2f3a: disability_grade: '五级' is not a code of disability-grade",
        "wjw w:1: health_status: '很差' is not a value",
        "SEX_DISAGREES_WITH_ID: the ID " + ID + " says male"));
    return doc;
  }

  @Test
  void theGridWorkerSeesNamesPhonesAndCareTagsInClearAndNothingElse() {
    Map<String, Object> seen = protection.protect(record(), protection.view(GRID));
    assertThat(seen).containsEntry("full_name", "金秀英").containsEntry("phone", "13905371234")
        .containsEntry("elderly_tags", List.of("独居")).containsEntry("assistance_tags", List.of("低保")).containsEntry("disability_category", "肢体");
    assertThat(seen.get("id_number")).isEqualTo("370828************");
    assertThat(seen.get("hukou_address").toString()).endsWith("3号楼****");
    assertThat(seen).doesNotContainKeys("health_status", "justice_tags");
    assertThat(seen.get("tag_all")).isEqualTo(List.of("独居", "低保"));
    // she may know of clj (she sees the disability fields), not of sfj (justice)
    assertThat(seen.get("sources")).isEqualTo(List.of("gaj", "mzj", "clj", "zfw"));
    String everything = seen.toString();
    assertThat(everything).doesNotContain("record_key", "sa_member", "RK_JBXX", "sqjz", "JD_SQJD", "社区矫正", "13905379999", "很差");
    assertThat(seen.get("quality").toString()).contains("zfw: phone:").contains("SEX_DISAGREES_WITH_ID").doesNotContain(ID);
  }

  @Test
  void theAnalystCannotRebuildAnIdNumberFromWhatSheSeesInClear() {
    Map<String, Object> seen = protection.protect(record(), protection.view(ANALYST));
    String masked = seen.get("id_number").toString();
    String birth = seen.get("birth_date").toString().replace("-", "");
    // every digit she sees of the ID is the region; the birth date adds its 8; the other 4 stay unknown
    assertThat(masked).isEqualTo("370828************");
    assertThat((masked.substring(0, 6) + birth)).hasSize(14).isNotEqualTo(ID);
    assertThat(seen.get("full_name")).isEqualTo("金*");
    assertThat(seen.get("phone")).isEqualTo("139****1234");
    // care tags are counted only: never per person
    assertThat(seen).doesNotContainKeys("elderly_tags", "assistance_tags", "disability_category", "health_status", "justice_tags");
    assertThat(seen.get("tag_all")).isEqualTo(List.of());
    // being in 残联's register is being disabled: the source is not listed for her
    assertThat(seen.get("sources")).isEqualTo(List.of("gaj", "mzj", "zfw"));
    assertThat(seen.get("quality").toString()).doesNotContain("clj", "disability", ID, "0537 23456");
    assertThat(seen.toString()).doesNotContain("record_key", "sa_member");
  }

  @Test
  void theAdminSeesEverythingWithRecordKeys() {
    Map<String, Object> seen = protection.protect(record(), protection.view(ADMIN));
    assertThat(seen).containsEntry("id_number", ID).containsKey("justice_tags");
    assertThat(seen.toString()).contains("sa_member:10", "sqjz_jzdx:3");
    assertThat(seen.get("quality").toString()).contains("gaj JD_SQJD:4: id_number: '" + ID + "'");
  }

  @Test
  void grantsLiftOneFieldOfTheirClassOnly() {
    Principal doctor = new Principal("doctor", Principal.Role.grid_worker, "370811002001", Set.of("sensitive:health_status"));
    CallerView view = protection.view(doctor);
    assertThat(view.field("health_status")).isEqualTo(Treatment.clear);
    assertThat(view.field("health_focus_tags")).isEqualTo(Treatment.hidden);
    assertThat(view.field("justice_tags")).isEqualTo(Treatment.hidden);
    Principal officer = new Principal("officer", Principal.Role.grid_worker, "370811002001", Set.of("restricted:justice_tags"));
    assertThat(protection.view(officer).source("sfj")).isEqualTo(Treatment.clear);
    assertThat(protection.view(GRID).source("sfj")).isEqualTo(Treatment.hidden);
    assertThat(protection.view(ANALYST).source("clj")).isEqualTo(Treatment.counted);
  }

  @Test
  void aMaskedExportMasksWhatTheViewHasClear() {
    Map<String, Object> seen = protection.protect(record(), protection.view(GRID), false);
    assertThat(seen.get("full_name")).isEqualTo("金*");
    assertThat(seen.get("phone")).isEqualTo("139****1234");
    assertThat(protection.columnView(protection.view(GRID), "phone", true).orElseThrow().apply("13905371234")).isEqualTo("13905371234");
    assertThat(protection.columnView(protection.view(ANALYST), "phone", true).orElseThrow().apply("13905371234")).isEqualTo("139****1234");
    assertThat(protection.columnView(protection.view(ANALYST), "elderly_tags", true)).isEmpty();
    assertThat(protection.mayUnmask(protection.view(GRID))).isTrue();
    assertThat(protection.mayUnmask(protection.view(ANALYST))).isFalse();
  }

  @Test
  void aDepartmentReadsNothingOfThePopulation() {
    CallerView mzj = protection.view(new Principal("mzj", Principal.Role.department, "mzj"));
    assertThat(mzj.rows().name()).isEqualTo("none");
    assertThat(mzj.field("full_name")).isEqualTo(Treatment.clear);
    assertThat(mzj.field("marital_status")).isEqualTo(Treatment.clear);  // it supplies it itself
    assertThat(mzj.field("education")).isEqualTo(Treatment.hidden);
  }
}
