package cn.jzz.hub.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the reconciliation under way has come, for {@code GET /api/v1/reconcile/progress} and the
 * log: at a million residents it reads every source once per pass for many minutes, and an admin (or
 * the benchmark) must see it move rather than wait on a silent request.
 */
public final class ReconcileProgress {

  private static final Logger log = LoggerFactory.getLogger(ReconcileProgress.class);
  private static final Duration LOG_EVERY = Duration.ofSeconds(15);

  /** One reading of the progress; {@code running} false with the figures of the last run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Snapshot(
      boolean running, Instant startedAt, Instant finishedAt, Integer pass, Integer passes, String step, String source, long rowsRead,
      long documentsScanned, Long secondsElapsed, Boolean lastConsistent) {}

  private final Clock clock;
  private volatile boolean running;
  private volatile Instant startedAt;
  private volatile Instant finishedAt;
  private volatile int pass;
  private volatile int passes;
  private volatile String step;
  private volatile String source;
  private volatile long rowsRead;
  private volatile long documentsScanned;
  private volatile Boolean lastConsistent;
  private volatile long nextLogNanos;

  ReconcileProgress(Clock clock) {
    this.clock = clock;
  }

  synchronized void started(int passes) {
    this.running = true;
    this.startedAt = clock.instant();
    this.finishedAt = null;
    this.passes = passes;
    this.pass = 0;
    this.step = "starting";
    this.source = null;
    this.rowsRead = 0;
    this.documentsScanned = 0;
    this.nextLogNanos = System.nanoTime() + LOG_EVERY.toNanos();
  }

  void reading(int pass, String source) {
    this.pass = pass + 1;
    this.step = "reading the sources";
    this.source = source;
  }

  void scanningIndex() {
    this.step = "scanning the index";
    this.source = null;
  }

  void resyncing() {
    this.step = "re-publishing the mismatched persons";
    this.source = null;
  }

  /** Called per source row and per index document; cheap, and logs now and then. */
  void rowRead() {
    rowsRead++;
    maybeLog();
  }

  void documentScanned() {
    documentsScanned++;
    maybeLog();
  }

  synchronized void finished(boolean consistent) {
    running = false;
    finishedAt = clock.instant();
    lastConsistent = consistent;
    step = null;
    source = null;
  }

  synchronized void failed() {
    running = false;
    finishedAt = clock.instant();
    lastConsistent = null;
    step = null;
    source = null;
  }

  Snapshot snapshot() {
    Instant start = startedAt;
    Instant end = running ? clock.instant() : finishedAt;
    Long elapsed = start == null || end == null ? null : Duration.between(start, end).toSeconds();
    return new Snapshot(running, start, finishedAt, start == null ? null : pass, start == null ? null : passes, step, source, rowsRead, documentsScanned, elapsed,
        lastConsistent);
  }

  private void maybeLog() {
    long now = System.nanoTime();
    if (now - nextLogNanos >= 0) {
      nextLogNanos = now + LOG_EVERY.toNanos();
      Snapshot s = snapshot();
      log.info("reconcile: pass {}/{}, {}{}; {} source rows read, {} index documents scanned, {} s", s.pass(), s.passes(), s.step(),
          s.source() == null ? "" : " (" + s.source() + ")", s.rowsRead(), s.documentsScanned(), s.secondsElapsed());
    }
  }
}
