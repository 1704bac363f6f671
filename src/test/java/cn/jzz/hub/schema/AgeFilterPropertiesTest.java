package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The birth_date range a query uses selects exactly the people matches() accepts, leap days included. */
class AgeFilterPropertiesTest {

  @Property(tries = 2000)
  void rangeAgreesWithMatches(
      @ForAll @IntRange(min = 0, max = 60_000) int birthOffset,
      @ForAll @IntRange(min = 0, max = 50_000) int todayOffset,
      @ForAll @IntRange(min = 0, max = 100) int min,
      @ForAll @IntRange(min = 0, max = 30) int span,
      @ForAll boolean withMin,
      @ForAll boolean withMax) {
    LocalDate today = LocalDate.of(1960, 1, 1).plusDays(todayOffset);
    LocalDate birth = today.minusDays(birthOffset);
    AgeFilter filter = new AgeFilter(withMin ? min : null, withMax || !withMin ? min + span : null, Set.of());
    assertThat(filter.birthDateRange(today).contains(birth)).isEqualTo(filter.matches(birth, "1", today));
  }
}
