package cn.jzz.hub.schema;

import java.time.LocalDate;

/**
 * An inclusive range of dates, as used for a birth_date range query.
 *
 * @param from first date in the range; null for no lower bound
 * @param to last date in the range; null for no upper bound
 */
public record DateRange(LocalDate from, LocalDate to) {

  public boolean contains(LocalDate date) {
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }
}
