package cn.jzz.hub.schema;

import java.time.LocalDate;

/**
 * How the hub decides whether a tag holds (tags.yaml {@code rule}). The merge stage calls
 * {@link #isActive} for each assertion a source made, at least daily, because several tags expire
 * with the calendar.
 */
public sealed interface TagRule permits AssertedRule, ValidityWindowRule, HouseholdRule, AgeFilter {

  /** The rule kind as spelled in tags.yaml. */
  String kind();

  /**
   * Whether {@code assertion} makes the tag hold on {@code today}.
   *
   * @throws UnsupportedOperationException for {@link AgeFilter}, which is never asserted
   */
  boolean isActive(LocalDate today, TagAssertion assertion);

  /** One line for docs: the rule in words. */
  String describe();
}
