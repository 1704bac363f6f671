package cn.jzz.hub.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts in an answer that involves a field the caller may only count: a count below the policy's
 * min_cell, or one that leaves fewer than min_cell people outside it ("all 3 of building 2 live
 * alone"), would tell her about individuals, so it is left out. A total below min_cell is null.
 */
final class SmallCounts {

  private final int minCell;
  private final long total;

  SmallCounts(int minCell, long total) {
    this.minCell = minCell;
    this.total = total;
  }

  /** Counts that involve no counted field: all shown. */
  static SmallCounts none(long total) {
    return new SmallCounts(0, total);
  }

  Long total() {
    return total < minCell ? null : total;
  }

  List<Map<String, Object>> buckets(List<Map<String, Object>> buckets) {
    if (minCell == 0) {
      return buckets;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> bucket : buckets) {
      long count = ((Number) bucket.get("count")).longValue();
      if (count >= minCell && total - count >= minCell) {
        out.add(bucket);
      }
    }
    return out;
  }
}
