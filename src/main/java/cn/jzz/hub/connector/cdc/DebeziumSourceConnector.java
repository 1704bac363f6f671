package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceMonitor;
import cn.jzz.hub.connector.SourceStatus;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.embedded.Connect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Debezium connector in the embedded engine and publishes its changes as raw events.
 *
 * <p>Offsets are marked processed only after Kafka acknowledged the whole batch; if publishing fails
 * the batch is retried with backoff and never skipped, so a crash at any point replays events
 * (at-least-once) rather than losing them. If the engine itself stops with an error (the database is
 * down, the slot is busy) it is started again with exponential backoff while the source shows
 * {@code retrying}. Shared by every CDC type; types differ only in the engine properties they supply.
 */
final class DebeziumSourceConnector implements SourceConnector {

  private static final Logger log = LoggerFactory.getLogger(DebeziumSourceConnector.class);
  private static final Duration FIRST_RESTART = Duration.ofSeconds(1);
  private static final Duration MAX_RESTART = Duration.ofSeconds(60);

  private final String source;
  private final String type;
  private final Properties engineProperties;
  private final ConnectorContext context;
  private final SourceMonitor monitor;
  private volatile boolean stopping;
  private DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
  private ScheduledExecutorService executor;
  private Duration restartDelay = FIRST_RESTART;
  /** Held while a batch is published and marked, so a stop waits for it instead of interrupting it. */
  private final Object batchLock = new Object();

  DebeziumSourceConnector(String source, String type, Properties engineProperties, ConnectorContext context) {
    this.source = source;
    this.type = type;
    this.engineProperties = engineProperties;
    this.context = context;
    this.monitor = context.monitor(source, type);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public synchronized void start() {
    try {
      Files.createDirectories(context.stateDir(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stopping = false;
    restartDelay = FIRST_RESTART;
    monitor.starting();
    java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> new Thread(r, "ingest." + source));
    // A restart scheduled after a failure is dropped on stop, not run after it.
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor = pool;
    launch();
  }

  private synchronized void launch() {
    if (stopping) {
      return;
    }
    engine =
        DebeziumEngine.create(Connect.class)
            .using(engineProperties)
            .notifying(this::handleBatch)
            .using(
                (success, message, error) -> {
                  if (!success && !stopping) {
                    onEngineFailure(message + (error == null ? "" : ": " + rootMessage(error)));
                  }
                })
            .build();
    executor.execute(engine);
  }

  private synchronized void onEngineFailure(String error) {
    monitor.retrying(error);
    log.warn("ingest.{}: the CDC engine stopped ({}); starting it again in {} s", source, error, restartDelay.toSeconds());
    if (executor != null && !executor.isShutdown()) {
      executor.schedule(this::launch, restartDelay.toMillis(), TimeUnit.MILLISECONDS);
      restartDelay = restartDelay.multipliedBy(2).compareTo(MAX_RESTART) > 0 ? MAX_RESTART : restartDelay.multipliedBy(2);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root.getMessage() + ")";
  }

  private void handleBatch(
      List<ChangeEvent<SourceRecord, SourceRecord>> records,
      DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    synchronized (batchLock) {
      if (stopping) {
        // Not published and not marked: the next start reads it again, once.
        throw new InterruptedException("stopping");
      }
      publishAndMark(records, committer);
    }
  }

  private void publishAndMark(
      List<ChangeEvent<SourceRecord, SourceRecord>> records,
      DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    List<RawEvent> batch = new ArrayList<>(records.size());
    for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
      RawEvent event = DebeziumRecords.toRawEvent(source, record.value());
      if (event != null) {
        batch.add(event);
      }
    }
    // Throws while stopping, which leaves the batch uncommitted: it is read again on the next start.
    context.publish(monitor, batch, () -> stopping);
    for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
      committer.markProcessed(record);
    }
    committer.markBatchFinished();
    restartDelay = FIRST_RESTART;
    monitor.running();
  }

  @Override
  public void stop() {
    DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> closing;
    ScheduledExecutorService pool;
    synchronized (this) {
      stopping = true;
    }
    // A batch being published finishes and is marked before the engine closes and commits offsets:
    // a clean stop neither loses nor repeats events.
    synchronized (batchLock) {
      // nothing to do: acquiring the lock is the wait
    }
    synchronized (this) {
      closing = engine;
      pool = executor;
      engine = null;
      executor = null;
    }
    if (closing != null) {
      try {
        closing.close();
      } catch (IOException e) {
        log.warn("ingest.{}: closing the engine: {}", source, e.getMessage());
      }
    }
    if (pool != null) {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("ingest.{}: the CDC engine did not stop within 30 s; interrupting it", source);
          pool.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    monitor.stopped();
  }

  @Override
  public SourceStatus status() {
    return monitor.status();
  }
}
