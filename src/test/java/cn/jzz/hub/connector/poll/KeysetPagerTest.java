package cn.jzz.hub.connector.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyset paging over rows that share timestamps (batch jobs) skips none and repeats none. */
class KeysetPagerTest {

  private static final LocalDateTime BATCH = LocalDateTime.of(2026, 11, 20, 2, 0);

  /** 7 rows at one timestamp, then 3 later; keys out of insertion order. */
  private final List<KeysetPager.Row> table = new ArrayList<>();

  KeysetPagerTest() {
    for (long key : new long[] {17, 3, 11, 5, 13, 7, 19}) {
      add(BATCH, key);
    }
    add(BATCH.plusSeconds(1), 1);
    add(BATCH.plusSeconds(1), 2);
    add(BATCH.plusMinutes(5), 4);
  }

  private void add(LocalDateTime ts, long key) {
    table.add(new KeysetPager.Row(new Watermark(ts, key), Map.of("key", key)));
  }

  /** What the SQL of {@link KeysetQuery} answers. */
  private List<KeysetPager.Row> page(Watermark after, int limit) {
    return table.stream()
        .filter(r -> after == null || Watermark.ORDER.compare(r.position(), after) > 0)
        .sorted((a, b) -> Watermark.ORDER.compare(a.position(), b.position()))
        .limit(limit)
        .toList();
  }

  @Test
  void everyRowIsHandedOverOnceWhenPagesEndInsideATimestamp() throws Exception {
    for (int limit = 1; limit <= 11; limit++) {
      List<Object> seen = new ArrayList<>();
      Watermark end = KeysetPager.drain(null, limit, this::page, (page, last) -> page.forEach(r -> seen.add(r.position().key())), () -> false);
      assertThat(seen).as("page size %d", limit).containsExactly(3L, 5L, 7L, 11L, 13L, 17L, 19L, 1L, 2L, 4L);
      assertThat(end).isEqualTo(new Watermark(BATCH.plusMinutes(5), 4L));
    }
  }

  @Test
  void resumingFromAWatermarkInsideABatchReadsOnlyTheRest() throws Exception {
    List<Object> seen = new ArrayList<>();
    KeysetPager.drain(new Watermark(BATCH, 11L), 2, this::page, (page, last) -> page.forEach(r -> seen.add(r.position().key())), () -> false);
    assertThat(seen).containsExactly(13L, 17L, 19L, 1L, 2L, 4L);
  }

  @Test
  void aRowAddedLaterAtTheSameTimestampWithAHigherKeyIsStillSeen() throws Exception {
    Watermark end = KeysetPager.drain(null, 4, this::page, (page, last) -> {}, () -> false);
    add(BATCH.plusMinutes(5), 9);
    List<Object> seen = new ArrayList<>();
    KeysetPager.drain(end, 4, this::page, (page, last) -> page.forEach(r -> seen.add(r.position().key())), () -> false);
    assertThat(seen).containsExactly(9L);
  }

  @Test
  void theSqlComparesTheTimestampAndBreaksTiesOnTheKey() {
    KeysetQuery query = new KeysetQuery("v_yb_cbxx", "updt_time", "psn_no", 500);
    assertThat(query.after())
        .isEqualTo("SELECT * FROM v_yb_cbxx WHERE updt_time > ? OR (updt_time = ? AND psn_no > ?) ORDER BY updt_time, psn_no LIMIT 500");
    assertThat(query.first()).isEqualTo("SELECT * FROM v_yb_cbxx WHERE updt_time IS NOT NULL ORDER BY updt_time, psn_no LIMIT 500");
  }
}
