package cn.jzz.hub.connector;

import cn.jzz.hub.connector.SourceStatus.State;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of one source as its connector reports it: state, last error, events published, and the
 * Micrometer meters {@code hub.ingest.events{source}}, {@code hub.ingest.errors{source}} and {@code
 * hub.ingest.last.event.age{source}}. One per source for the life of the hub, so a restarted or
 * resynced connector keeps counting into the same meters.
 */
public final class SourceMonitor {

  private final String source;
  private final Clock clock;
  private final Counter events;
  private final Counter errors;
  private final AtomicLong published = new AtomicLong();
  private volatile String type = "";
  private volatile State state = State.stopped;
  private volatile String lastError;
  private volatile Instant lastEventTime;
  private volatile Long lag;

  public SourceMonitor(String source, MeterRegistry meters, Clock clock) {
    this.source = source;
    this.clock = clock;
    this.events = Counter.builder("hub.ingest.events").description("raw events published").tag("source", source).register(meters);
    this.errors = Counter.builder("hub.ingest.errors").description("failed reads or publishes").tag("source", source).register(meters);
    Gauge.builder("hub.ingest.last.event.age", this, SourceMonitor::lastEventAgeSeconds)
        .description("seconds since the source time of the newest published event")
        .baseUnit("seconds")
        .tag("source", source)
        .register(meters);
  }

  public String source() {
    return source;
  }

  void type(String type) {
    this.type = type;
  }

  public void starting() {
    state = State.starting;
    lastError = null;
  }

  /** Reading works (again); clears a previous transient error. */
  public void running() {
    if (state != State.paused && state != State.failed) {
      if (state == State.retrying) {
        lastError = null; // the transient problem is over; a refused file's message stays visible
      }
      state = State.running;
    }
  }

  /** A transient problem (source or Kafka unreachable): the connector keeps trying with backoff. */
  public void retrying(String error) {
    errors.increment();
    lastError = error;
    if (state != State.failed) {
      state = State.retrying;
    }
  }

  /** A permanent problem (bad configuration, refused credentials): the connector stops trying. */
  public void failed(String error) {
    errors.increment();
    lastError = error;
    state = State.failed;
  }

  /** One input was refused (a file moved to failed/); the source itself keeps running. */
  public void rejected(String error) {
    errors.increment();
    lastError = error;
  }

  public void paused() {
    state = State.paused;
  }

  public void stopped() {
    if (state != State.failed) {
      state = State.stopped;
    }
  }

  public State state() {
    return state;
  }

  public String lastError() {
    return lastError;
  }

  public boolean isFailed() {
    return state == State.failed;
  }

  /** Rows or files known to wait in the source, where the connector can tell; null otherwise. */
  public void lag(Long pending) {
    this.lag = pending;
  }

  /** Called after Kafka acknowledged the batch. */
  public void published(List<RawEvent> batch) {
    if (batch.isEmpty()) {
      return;
    }
    published.addAndGet(batch.size());
    events.increment(batch.size());
    Instant newest = lastEventTime;
    for (RawEvent event : batch) {
      if (event.sourceTime() != null && (newest == null || event.sourceTime().isAfter(newest))) {
        newest = event.sourceTime();
      }
    }
    lastEventTime = newest;
    running();
  }

  public long eventsPublished() {
    return published.get();
  }

  double lastEventAgeSeconds() {
    Instant last = lastEventTime;
    return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
  }

  public SourceStatus status() {
    return new SourceStatus(source, type, state, lastEventTime, published.get(), lastError, lag);
  }
}
