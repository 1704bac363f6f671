package cn.jzz.hub.connector.poll;

import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * How far a polled table has been published: the last row's (timestamp, key). The next page starts
 * strictly after it in (timestamp, key) order, so rows sharing one timestamp are neither skipped nor
 * read twice, however the pages fall.
 *
 * @param ts the local (Asia/Shanghai) timestamp of the last published row
 * @param key its key, a number or text as the database gave it
 */
public record Watermark(LocalDateTime ts, Object key) {

  /** The order of {@code ORDER BY ts, key}; keys compare as numbers when both are numbers. */
  static final Comparator<Watermark> ORDER = Comparator.comparing(Watermark::ts).thenComparing(Watermark::key, Watermark::compareKeys);

  static int compareKeys(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
