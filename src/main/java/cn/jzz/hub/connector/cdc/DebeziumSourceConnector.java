package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceStatus;
import cn.jzz.hub.connector.SourceStatus.State;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.embedded.Connect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Debezium connector in the embedded engine and publishes its changes as raw events.
 *
 * <p>Offsets are marked processed only after Kafka acknowledged the whole batch; if publishing fails
 * the batch is retried with backoff and never skipped, so a crash at any point replays events
 * (at-least-once) rather than losing them. Shared by every CDC type; types differ only in the engine
 * properties they supply.
 */
final class DebeziumSourceConnector implements SourceConnector {

  private static final Logger log = LoggerFactory.getLogger(DebeziumSourceConnector.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String source;
  private final String type;
  private final Properties engineProperties;
  private final ConnectorContext context;
  private final AtomicLong eventsRead = new AtomicLong();
  private volatile State state = State.stopped;
  private volatile Instant lastEventTime;
  private volatile String lastError;
  private volatile boolean stopping;
  private DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
  private ExecutorService executor;

  DebeziumSourceConnector(String source, String type, Properties engineProperties, ConnectorContext context) {
    this.source = source;
    this.type = type;
    this.engineProperties = engineProperties;
    this.context = context;
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
    state = State.starting;
    engine =
        DebeziumEngine.create(Connect.class)
            .using(engineProperties)
            .notifying(this::handleBatch)
            .using(
                (success, message, error) -> {
                  if (!success && !stopping) {
                    state = State.failed;
                    lastError = message + (error == null ? "" : ": " + error.getMessage());
                    log.error("ingest.{}: connector stopped: {}", source, lastError);
                  }
                })
            .build();
    executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "ingest." + source));
    executor.execute(engine);
  }

  private void handleBatch(
      List<ChangeEvent<SourceRecord, SourceRecord>> records,
      DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
      throws InterruptedException {
    state = State.running;
    List<RawEvent> batch = new ArrayList<>(records.size());
    for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
      RawEvent event = DebeziumRecords.toRawEvent(source, record.value());
      if (event != null) {
        batch.add(event);
      }
    }
    publishWithBackoff(batch);
    for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
      committer.markProcessed(record);
    }
    committer.markBatchFinished();
    if (!batch.isEmpty()) {
      eventsRead.addAndGet(batch.size());
      lastEventTime = batch.get(batch.size() - 1).sourceTime();
    }
  }

  private void publishWithBackoff(List<RawEvent> batch) throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        context.publisher().publish(batch);
        if (state == State.retrying) {
          state = State.running;
          lastError = null;
        }
        return;
      } catch (RuntimeException e) {
        if (stopping) {
          // Throwing keeps the batch uncommitted: it is read again on the next start.
          throw new InterruptedException("stopping while Kafka is unavailable");
        }
        state = State.retrying;
        lastError = e.getMessage();
        log.warn("ingest.{}: publishing {} raw events failed, retrying in {} ms: {}", source, batch.size(), backoff.toMillis(), e.getMessage());
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    if (engine != null) {
      try {
        engine.close();
      } catch (IOException e) {
        log.warn("ingest.{}: closing the engine: {}", source, e.getMessage());
      }
      engine = null;
    }
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
    state = State.stopped;
  }

  @Override
  public SourceStatus status() {
    return new SourceStatus(source, type, state, lastEventTime, eventsRead.get(), lastError);
  }
}
