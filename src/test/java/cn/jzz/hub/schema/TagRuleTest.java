package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule kind at its boundaries, using the rules as configured in tags.yaml. */
class TagRuleTest {

  private final TagDictionary tags = SchemaFixtures.tags();

  private TagRule rule(String tag) {
    return tags.tag(tag).orElseThrow().rule();
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void releasedPrisonerHoldsForFiveYearsFromRelease() {
    TagRule rule = rule("刑满释放人员");
    TagAssertion released = new TagAssertion("刑满释放人员", "sfj", d("2020-03-15"), null);
    assertThat(rule.isActive(d("2020-03-14"), released)).isFalse();
    assertThat(rule.isActive(d("2020-03-15"), released)).isTrue();
    assertThat(rule.isActive(d("2025-03-14"), released)).isTrue(); // last day of the 5 years
    assertThat(rule.isActive(d("2025-03-15"), released)).isFalse(); // fifth anniversary: over
    assertThat(rule.isActive(d("2021-01-01"), TagAssertion.of("刑满释放人员", "sfj")))
        .as("no release date: the window is unknown and is not guessed").isFalse();
  }

  @Test
  void releasedOnLeapDayEndsOnTheTwentyEighthOfFebruary() {
    TagAssertion released = new TagAssertion("刑满释放人员", "sfj", d("2020-02-29"), null);
    assertThat(rule("刑满释放人员").isActive(d("2025-02-27"), released)).isTrue();
    assertThat(rule("刑满释放人员").isActive(d("2025-02-28"), released)).isFalse();
  }

  @Test
  void communityCorrectionHoldsBetweenStartAndEndInclusive() {
    TagRule rule = rule("社区矫正对象");
    TagAssertion term = new TagAssertion("社区矫正对象", "sfj", d("2024-01-10"), d("2025-07-09"));
    assertThat(rule.isActive(d("2024-01-09"), term)).isFalse();
    assertThat(rule.isActive(d("2024-01-10"), term)).isTrue();
    assertThat(rule.isActive(d("2025-07-09"), term)).isTrue();
    assertThat(rule.isActive(d("2025-07-10"), term)).isFalse();
  }

  @Test
  void assistanceHoldsWhileStopDateIsNullOrInTheFuture() {
    TagRule rule = rule("低保");
    assertThat(rule.isActive(d("2026-11-26"), new TagAssertion("低保", "mzj", d("2019-05-01"), null))).isTrue();
    TagAssertion stopping = new TagAssertion("低保", "mzj", d("2019-05-01"), d("2026-11-27"));
    assertThat(rule.isActive(d("2026-11-26"), stopping)).isTrue();
    assertThat(rule.isActive(d("2026-11-27"), stopping)).as("stopped on the stop date").isFalse();
    assertThat(rule.isActive(d("2019-04-30"), stopping)).isFalse();
  }

  @Test
  void unemploymentHoldsUntilCancelled() {
    TagRule rule = rule("登记失业");
    TagAssertion cancelled = new TagAssertion("登记失业", "rsj", d("2025-01-02"), d("2025-06-30"));
    assertThat(rule.isActive(d("2025-06-29"), cancelled)).isTrue();
    assertThat(rule.isActive(d("2025-06-30"), cancelled)).isFalse();
    assertThat(rule.isActive(d("2030-01-01"), new TagAssertion("登记失业", "rsj", d("2025-01-02"), null))).isTrue();
  }

  @Test
  void assertedRuleHonoursOptionalDatesAndNeedsAnAssertion() {
    TagRule rule = rule("孤儿");
    assertThat(rule.isActive(d("2026-01-01"), TagAssertion.of("孤儿", "mzj"))).isTrue();
    assertThat(rule.isActive(d("2026-01-01"), null)).isFalse();
    assertThat(rule.isActive(d("2026-01-01"), new TagAssertion("孤儿", "mzj", d("2026-01-02"), null))).isFalse();
    assertThat(rule.isActive(d("2026-01-01"), new TagAssertion("孤儿", "mzj", null, d("2026-01-01")))).isFalse();
  }

  @Test
  void livingAloneNeedsSixtyAndNobodyElse() {
    HouseholdRule rule = (HouseholdRule) rule("独居");
    LocalDate today = d("2026-11-26");
    assertThat(rule.derive(d("1966-11-26"), List.of(), today)).as("60 today").isTrue();
    assertThat(rule.derive(d("1966-11-27"), List.of(), today)).as("60 tomorrow").isFalse();
    assertThat(rule.derive(d("1950-01-01"), List.of(d("1952-01-01")), today)).isFalse();
    assertThat(rule.isActive(today, TagAssertion.of("独居", "zfw"))).as("zfw says so").isTrue();
    assertThat(rule.isActive(today, TagAssertion.of("独居", "wjw"))).isFalse();
  }

  @Test
  void emptyNestNeedsEveryCoResidentAtSixty() {
    HouseholdRule rule = (HouseholdRule) rule("空巢");
    LocalDate today = d("2026-11-26");
    assertThat(rule.derive(d("1950-01-01"), List.of(d("1966-11-26")), today)).isTrue();
    assertThat(rule.derive(d("1950-01-01"), List.of(d("1966-11-27")), today)).isFalse();
    assertThat(rule.derive(d("1950-01-01"), java.util.Arrays.asList((LocalDate) null), today))
        .as("a co-resident of unknown age").isFalse();
    assertThat(rule.derive(d("1950-01-01"), List.of(), today)).as("alone counts as empty nest").isTrue();
  }

  @Test
  void ageFiltersAtTheirBirthdays() {
    LocalDate today = d("2026-11-26");
    AgeFilter old = (AgeFilter) rule("高龄");
    assertThat(old.matches(d("1946-11-26"), "1", today)).isTrue();
    assertThat(old.matches(d("1946-11-27"), "1", today)).isFalse();
    AgeFilter child = (AgeFilter) rule("儿童");
    assertThat(child.matches(d("2008-11-27"), "2", today)).isTrue(); // 17, turns 18 tomorrow
    assertThat(child.matches(d("2008-11-26"), "2", today)).isFalse(); // 18 today
    AgeFilter women = (AgeFilter) rule("育龄妇女");
    assertThat(women.matches(d("2011-11-26"), "2", today)).isTrue(); // 15 today
    assertThat(women.matches(d("2011-11-27"), "2", today)).isFalse();
    assertThat(women.matches(d("1976-11-27"), "2", today)).isTrue(); // 49, 50 tomorrow
    assertThat(women.matches(d("1976-11-26"), "2", today)).isFalse(); // 50 today
    assertThat(women.matches(d("1990-01-01"), "1", today)).isFalse();
    assertThat(women.birthDateRange(today)).isEqualTo(new DateRange(d("1976-11-27"), d("2011-11-26")));
    assertThat(child.birthDateRange(today)).isEqualTo(new DateRange(d("2008-11-27"), today));
    assertThat(old.birthDateRange(today)).isEqualTo(new DateRange(null, d("1946-11-26")));
    assertThatThrownBy(() -> old.isActive(today, TagAssertion.of("高龄", "gaj")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
