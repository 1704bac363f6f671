package cn.jzz.hub.schema;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * A tag-like filter computed from birth_date (and sex) at query time — 高龄, 老年人, 育龄妇女, 儿童 —
 * so it is never stale. Age is in whole years ({@link Period#between}); both bounds are inclusive.
 *
 * @param minAge minimum age; null for none
 * @param maxAge maximum age; null for none
 * @param sexCodes sex codes (codes/sex.csv) that qualify; empty for any
 */
public record AgeFilter(Integer minAge, Integer maxAge, Set<String> sexCodes) implements TagRule {

  public AgeFilter {
    sexCodes = Set.copyOf(sexCodes);
  }

  @Override
  public String kind() {
    return "age_filter";
  }

  /** Age filters are evaluated from birth_date; nobody asserts them. */
  @Override
  public boolean isActive(LocalDate today, TagAssertion assertion) {
    throw new UnsupportedOperationException(
        "age filters are evaluated at query time; use matches(birthDate, sexCode, today) or birthDateRange(today)");
  }

  /** Whether a person born on {@code birthDate} with {@code sexCode} passes the filter on {@code today}. */
  public boolean matches(LocalDate birthDate, String sexCode, LocalDate today) {
    if (birthDate == null || birthDate.isAfter(today)) {
      return false;
    }
    if (!sexCodes.isEmpty() && !sexCodes.contains(sexCode)) {
      return false;
    }
    int age = Period.between(birthDate, today).getYears();
    return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
  }

  /**
   * The birth dates (inclusive) whose age on {@code today} is within the bounds, for a range query on
   * birth_date. The sex condition, if any, is a separate term on {@code sex} ({@link #sexCodes}).
   */
  public DateRange birthDateRange(LocalDate today) {
    // age >= n  <=>  birthDate <= today - n years (also for 29 February: minusYears clamps to the 28th)
    LocalDate to = minAge == null ? today : today.minusYears(minAge);
    LocalDate from = maxAge == null ? null : today.minusYears(maxAge + 1L).plusDays(1);
    return new DateRange(from, to);
  }

  @Override
  public String describe() {
    String range = minAge != null && maxAge != null ? minAge + "–" + maxAge
        : minAge != null ? "≥ " + minAge : "≤ " + maxAge;
    return "age filter at query time: age " + range
        + (sexCodes.isEmpty() ? "" : ", sex " + String.join("/", sexCodes.stream().sorted().toList()));
  }
}
