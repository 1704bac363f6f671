package cn.jzz.hub.schema;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Set;

/**
 * A tag derived from the other active persons linked to the same house (独居, 空巢), or asserted by
 * one of {@code orAssertedBy}. It changes when anyone moves in or out, so the merge stage must
 * re-derive it for every co-resident of a house whose occupants change.
 *
 * @param minAge the person's minimum age in whole years
 * @param household which household condition applies
 * @param orAssertedBy sources whose assertion alone makes the tag hold
 */
public record HouseholdRule(int minAge, Household household, Set<String> orAssertedBy) implements TagRule {

  /** The household condition. */
  public enum Household {
    /** Nobody else is actively linked to the house (独居). */
    ONLY_ACTIVE_PERSON("only_active_person"),
    /** Everyone else actively linked to the house is at least {@code minAge} too (空巢). */
    ALL_ACTIVE_AT_LEAST_MIN_AGE("all_active_at_least_min_age");

    private final String yaml;

    Household(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }
  }

  public HouseholdRule {
    orAssertedBy = Set.copyOf(orAssertedBy);
  }

  @Override
  public String kind() {
    return "household_rule";
  }

  /** True when one of {@code orAssertedBy} asserts the tag; derivation is {@link #derive}. */
  @Override
  public boolean isActive(LocalDate today, TagAssertion assertion) {
    return assertion != null && orAssertedBy.contains(assertion.source());
  }

  /**
   * Derives the tag from the house.
   *
   * @param birthDate the person's birth date; null → false
   * @param othersBirthDates birth dates of the OTHER active persons linked to the same house (a null
   *     entry is someone whose age is unknown, which fails the all-old condition)
   * @param today the evaluation date
   */
  public boolean derive(LocalDate birthDate, Collection<LocalDate> othersBirthDates, LocalDate today) {
    if (!atLeast(birthDate, today)) {
      return false;
    }
    return switch (household) {
      case ONLY_ACTIVE_PERSON -> othersBirthDates.isEmpty();
      case ALL_ACTIVE_AT_LEAST_MIN_AGE -> othersBirthDates.stream().allMatch(b -> atLeast(b, today));
    };
  }

  private boolean atLeast(LocalDate birthDate, LocalDate today) {
    return birthDate != null && !birthDate.isAfter(today)
        && Period.between(birthDate, today).getYears() >= minAge;
  }

  @Override
  public String describe() {
    String condition = household == Household.ONLY_ACTIVE_PERSON
        ? "the only active person linked to the house"
        : "every active person linked to the house is ≥ " + minAge;
    return "age ≥ " + minAge + " and " + condition
        + (orAssertedBy.isEmpty() ? "" : "; or asserted by " + String.join(", ", orAssertedBy.stream().sorted().toList()));
  }
}
