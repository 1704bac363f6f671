package cn.jzz.hub.index;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the indexer's writes searchable as soon as it has caught up with {@code hub.residents},
 * instead of waiting up to the index's refresh interval: a change then becomes visible one bulk after
 * it was merged. While a backlog is being worked off (an initial load) it leaves refreshing to the
 * index's own interval, so a load does not pay for a refresh per bulk. At most one refresh per
 * {@code minGapMs}, so a steady trickle of changes cannot turn into a refresh storm.
 */
final class CaughtUpRefresh {

  private static final Logger log = LoggerFactory.getLogger(CaughtUpRefresh.class);

  /** Makes everything written so far searchable. */
  interface Action {
    void refresh() throws IOException;
  }

  private final Action action;
  private final long minGapNanos;
  private final LongSupplier nanoTime;
  private long last;
  private boolean pending;

  CaughtUpRefresh(Action action, long minGapMs, LongSupplier nanoTime) {
    this.action = action;
    this.minGapNanos = minGapMs * 1_000_000;
    this.nanoTime = nanoTime;
    this.last = nanoTime.getAsLong() - minGapNanos;
  }

  /** After a batch was written: refresh now if nothing more is waiting, or remember to. */
  void written(boolean caughtUp) {
    if (caughtUp) {
      pending = true;
      refreshIfDue();
    }
  }

  /** Milliseconds until a pending refresh is due (0 when none is pending or it is due now). */
  long waitMs() {
    if (!pending) {
      return 0;
    }
    return Math.max(0, (last + minGapNanos - nanoTime.getAsLong()) / 1_000_000);
  }

  /** Refreshes if one is pending and the gap since the last has passed. */
  void refreshIfDue() {
    if (!pending || nanoTime.getAsLong() - last < minGapNanos) {
      return;
    }
    pending = false;
    last = nanoTime.getAsLong();
    try {
      action.refresh();
    } catch (IOException e) {
      // The index's own refresh interval still makes the writes visible, a moment later.
      log.debug("index: refresh failed: {}", e.getMessage());
    }
  }
}
