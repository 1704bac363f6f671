package cn.jzz.hub.schema;

import java.time.LocalDate;

/**
 * The tag holds while an owning department asserts it. If the assertion carries dates, they bound
 * it: {@code from} inclusive, {@code until} exclusive (the day it stops, it no longer holds).
 */
public record AssertedRule() implements TagRule {

  @Override
  public String kind() {
    return "asserted";
  }

  @Override
  public boolean isActive(LocalDate today, TagAssertion assertion) {
    return assertion != null
        && (assertion.from() == null || !today.isBefore(assertion.from()))
        && (assertion.until() == null || today.isBefore(assertion.until()));
  }

  @Override
  public String describe() {
    return "asserted by the owning department";
  }
}
