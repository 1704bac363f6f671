package cn.jzz.hub.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One target of the benchmark: a measured value against a limit. A missed target says by how much.
 *
 * @param atLeast true when the measured value must reach the limit, false when it must stay under it
 */
public record Target(String id, String what, double measured, double limit, boolean atLeast, String unit, String notMeasurable) {

  public static Target atLeast(String id, String what, double measured, double limit, String unit) {
    return new Target(id, what, measured, limit, true, unit, null);
  }

  public static Target atMost(String id, String what, double measured, double limit, String unit) {
    return new Target(id, what, measured, limit, false, unit, null);
  }

  public static Target notMeasurable(String id, String what, String reason) {
    return new Target(id, what, Double.NaN, Double.NaN, true, "", reason);
  }

  public String verdict() {
    if (notMeasurable != null) {
      return "not measurable";
    }
    if (Double.isNaN(measured)) {
      return "no result";
    }
    return met() ? "met" : "MISSED";
  }

  public boolean met() {
    return notMeasurable == null && !Double.isNaN(measured) && (atLeast ? measured >= limit : measured <= limit);
  }

  /** "by 23 % (1.54 s over 2 s)" for a miss; empty otherwise. */
  public String shortfall() {
    if (notMeasurable != null || Double.isNaN(measured) || met()) {
      return "";
    }
    double pct = atLeast ? 100 * (limit - measured) / limit : 100 * (measured - limit) / limit;
    return String.format("by %.0f %% (%s %s %s %s)", pct, fmt(measured), unit, atLeast ? "under" : "over", fmt(limit));
  }

  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("what", what);
    m.put("measured", Double.isNaN(measured) ? null : measured);
    m.put("limit", Double.isNaN(limit) ? null : limit);
    m.put("must_be", atLeast ? ">=" : "<=");
    m.put("unit", unit);
    m.put("verdict", verdict());
    if (!shortfall().isEmpty()) {
      m.put("missed", shortfall());
    }
    if (notMeasurable != null) {
      m.put("reason", notMeasurable);
    }
    return m;
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "—" : v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
  }
}
