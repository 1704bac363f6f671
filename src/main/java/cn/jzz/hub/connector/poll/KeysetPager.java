package cn.jzz.hub.connector.poll;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Reads a table page by page in (timestamp, key) order from a watermark, handing each page over. */
final class KeysetPager {

  private KeysetPager() {}

  /** A row with its place in the (timestamp, key) order. */
  record Row(Watermark position, Map<String, Object> values) {}

  interface Pages {
    /** The next {@code limit} rows strictly after {@code after} (null: from the start). */
    List<Row> page(Watermark after, int limit) throws Exception;
  }

  interface Sink {
    /** Publishes a page; the pager moves on only after it returned, so the caller commits here. */
    void accept(List<Row> page, Watermark last) throws Exception;
  }

  /** Returns the watermark after the last page handed over. */
  static Watermark drain(Watermark from, int limit, Pages pages, Sink sink, BooleanSupplier stopping) throws Exception {
    Watermark at = from;
    while (!stopping.getAsBoolean()) {
      List<Row> page = pages.page(at, limit);
      if (page.isEmpty()) {
        break;
      }
      Watermark last = page.get(page.size() - 1).position();
      sink.accept(page, last);
      at = last;
      if (page.size() < limit) {
        break;
      }
    }
    return at;
  }
}
