package cn.jzz.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.schema.QualityFinding;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdConsistencyTest {

  private final ParsedId female = ((IdParseResult.Valid) IdFixtures.idNumbers().parse("11010519491231002X")).id();
  private final ParsedId male = ((IdParseResult.Valid) IdFixtures.idNumbers().parse("370802900101123")).id();

  @Test
  void sexCodesAgreeWithParity() {
    assertThat(IdConsistency.sexAgrees(female, "2")).isEmpty();
    assertThat(IdConsistency.sexAgrees(male, "1")).isEmpty();
    assertThat(IdConsistency.sexAgrees(female, "6")).as("男改女, now female").isEmpty();
    assertThat(IdConsistency.sexAgrees(male, "5")).as("女改男, now male").isEmpty();
    assertThat(IdConsistency.sexAgrees(female, "4")).as("gaj's old 4 = 6").isEmpty();
    assertThat(IdConsistency.sexAgrees(male, "3")).as("gaj's old 3 = 5").isEmpty();
    assertThat(IdConsistency.sexAgrees(male, null)).isEmpty();
    assertThat(IdConsistency.sexAgrees(male, "9")).isEmpty();
  }

  @Test
  void disagreementIsAFindingNotARejection() {
    assertThat(IdConsistency.sexAgrees(female, "1")).map(QualityFinding::code).contains("SEX_DISAGREES_WITH_ID");
    assertThat(IdConsistency.sexAgrees(male, "6")).map(QualityFinding::field).contains("sex");
    assertThat(IdConsistency.sexAgrees(male, "男")).map(QualityFinding::code).contains("SEX_CODE_UNKNOWN");
    assertThat(IdConsistency.sexAgrees(female, "1").orElseThrow().message()).doesNotContain(female.number());
  }

  @Test
  void birthDatesAgreeWithDigitsSevenToFourteen() {
    assertThat(IdConsistency.birthDateAgrees(female, LocalDate.of(1949, 12, 31))).isEmpty();
    assertThat(IdConsistency.birthDateAgrees(female, null)).isEmpty();
    assertThat(IdConsistency.birthDateAgrees(female, LocalDate.of(1949, 12, 30)))
        .map(QualityFinding::code).contains("BIRTH_DATE_DISAGREES_WITH_ID");
  }
}
