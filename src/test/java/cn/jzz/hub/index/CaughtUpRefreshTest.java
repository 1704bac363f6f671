package cn.jzz.hub.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaughtUpRefreshTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicInteger refreshes = new AtomicInteger();
  private final CaughtUpRefresh refresh = new CaughtUpRefresh(refreshes::incrementAndGet, 100, now::get);

  @Test
  void aBatchThatLeavesNothingWaitingIsMadeSearchableAtOnce() {
    refresh.written(true);
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void whileABacklogIsWorkedOffTheIndexRefreshesOnItsOwn() {
    refresh.written(false);
    refresh.written(false);
    refresh.refreshIfDue();
    assertThat(refreshes).hasValue(0);
    assertThat(refresh.waitMs()).isZero();
  }

  @Test
  void catchingUpAgainWithinTheGapWaitsForItsEndThenRefreshesOnce() {
    refresh.written(true);
    now.addAndGet(30_000_000L);
    refresh.written(true);
    assertThat(refreshes).as("the second batch came 30 ms after the first refresh").hasValue(1);
    assertThat(refresh.waitMs()).isEqualTo(70);
    refresh.refreshIfDue();
    assertThat(refreshes).hasValue(1);
    now.addAndGet(70_000_000L);
    refresh.refreshIfDue();
    refresh.refreshIfDue();
    assertThat(refreshes).hasValue(2);
    assertThat(refresh.waitMs()).isZero();
  }

  @Test
  void aFailedRefreshIsLeftToTheIndexInterval() {
    CaughtUpRefresh failing = new CaughtUpRefresh(() -> {
      refreshes.incrementAndGet();
      throw new java.io.IOException("connection refused");
    }, 100, now::get);
    failing.written(true);
    now.addAndGet(200_000_000L);
    failing.refreshIfDue();
    assertThat(refreshes).as("not retried: nothing is pending after a failure").hasValue(1);
  }
}
