package cn.jzz.hub.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReconcileProgressTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T02:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void beforeAnyRunThereIsNothingToReport() {
    ReconcileProgress.Snapshot s = new ReconcileProgress(clock).snapshot();
    assertThat(s.running()).isFalse();
    assertThat(s.startedAt()).isNull();
    assertThat(s.pass()).isNull();
    assertThat(s.lastConsistent()).isNull();
  }

  @Test
  void aRunReportsItsPassStepSourceAndCountsThenItsOutcome() {
    ReconcileProgress progress = new ReconcileProgress(clock);
    progress.started(4);
    progress.reading(1, "gaj");
    for (int i = 0; i < 3; i++) {
      progress.rowRead();
    }
    now.set(now.get().plus(Duration.ofSeconds(42)));
    ReconcileProgress.Snapshot reading = progress.snapshot();
    assertThat(reading.running()).isTrue();
    assertThat(reading.pass()).isEqualTo(2);
    assertThat(reading.passes()).isEqualTo(4);
    assertThat(reading.step()).isEqualTo("reading the sources");
    assertThat(reading.source()).isEqualTo("gaj");
    assertThat(reading.rowsRead()).isEqualTo(3);
    assertThat(reading.secondsElapsed()).isEqualTo(42);

    progress.scanningIndex();
    progress.documentScanned();
    assertThat(progress.snapshot().source()).isNull();
    assertThat(progress.snapshot().documentsScanned()).isEqualTo(1);

    progress.finished(true);
    now.set(now.get().plus(Duration.ofMinutes(5)));
    ReconcileProgress.Snapshot done = progress.snapshot();
    assertThat(done.running()).isFalse();
    assertThat(done.lastConsistent()).isTrue();
    assertThat(done.step()).isNull();
    assertThat(done.secondsElapsed()).as("the finished run's own duration, not the time since it started").isEqualTo(42);

    progress.started(1);
    assertThat(progress.snapshot().rowsRead()).as("a new run counts from zero").isZero();
    progress.failed();
    assertThat(progress.snapshot().lastConsistent()).isNull();
  }
}
