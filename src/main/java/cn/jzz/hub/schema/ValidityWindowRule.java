package cn.jzz.hub.schema;

import java.time.LocalDate;
import java.time.Period;

/**
 * The tag holds while asserted and today lies inside the window the source's dates bound
 * (tags.yaml {@code asserted_with_validity}).
 *
 * <p>Either the window ends at the assertion's {@code until} date (open-ended when null; inclusive or
 * exclusive as configured), or it lasts {@code duration} from the {@code from} date (end exclusive):
 * 刑满释放人员 holds from the release date up to the day before its fifth anniversary. A duration
 * window without a {@code from} date is unknowable and does not hold: we never guess.
 *
 * @param fromDate the source date that opens the window (documentary: e.g. {@code sfrq})
 * @param untilDate the source date that closes it (e.g. {@code jzzzrq}); null with a duration
 * @param untilInclusive whether the tag still holds on the {@code until} day
 * @param duration the window's length from {@code from}; null when bounded by {@code untilDate}
 */
public record ValidityWindowRule(
    String fromDate, String untilDate, boolean untilInclusive, Period duration) implements TagRule {

  @Override
  public String kind() {
    return "asserted_with_validity";
  }

  @Override
  public boolean isActive(LocalDate today, TagAssertion assertion) {
    if (assertion == null) {
      return false;
    }
    LocalDate from = assertion.from();
    if (from != null && today.isBefore(from)) {
      return false;
    }
    if (duration != null) {
      return from != null && today.isBefore(from.plus(duration));
    }
    LocalDate until = assertion.until();
    return until == null || (untilInclusive ? !today.isAfter(until) : today.isBefore(until));
  }

  @Override
  public String describe() {
    if (duration != null) {
      return "asserted; holds from " + fromDate + " for " + duration.toString().substring(1).toLowerCase()
          + " (end exclusive)";
    }
    return "asserted; holds from " + fromDate + " (inclusive) until " + untilDate
        + (untilInclusive ? " (inclusive)" : " (exclusive)") + "; no " + untilDate + " = still holds";
  }
}
