package cn.jzz.hub.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of latencies (nanoseconds in, milliseconds out), nearest-rank. */
public final class Stats {

  private Stats() {}

  public static double percentileMs(Collection<Long> nanos, double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  public static Map<String, Object> summary(Collection<Long> nanos) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("count", nanos.size());
    s.put("p50_ms", round(percentileMs(nanos, 50)));
    s.put("p90_ms", round(percentileMs(nanos, 90)));
    s.put("p99_ms", round(percentileMs(nanos, 99)));
    s.put("max_ms", round(percentileMs(nanos, 100)));
    return s;
  }

  public static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
  }
}
