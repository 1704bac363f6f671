package cn.jzz.hub.normalize.api;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.normalize.QuarantinedRecord;
import cn.jzz.hub.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Copies {@code <ns>.quarantine} into the {@link QuarantineStore}. Offsets are committed only after
 * Elasticsearch accepted a batch; a redelivered record overwrites its own document (stable id), so
 * the copy is exactly the topic. Log lines name counts and errors, never a row's content.
 */
public final class QuarantineIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(QuarantineIndexer.class);

  private final HubProperties properties;
  private final QuarantineStore store;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;
  private volatile boolean running;

  public QuarantineIndexer(HubProperties properties, QuarantineStore store) {
    this.properties = properties;
    this.store = store;
  }

  @Override
  public synchronized void start() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, properties.kafka().applicationId() + "-quarantine-store");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    running = true;
    thread = new Thread(this::run, "quarantine-store");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Duration backoff = Duration.ofMillis(500);
    try {
      consumer.subscribe(List.of(properties.topics().quarantine()));
      while (running) {
        ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
        if (batch.isEmpty()) {
          continue;
        }
        List<QuarantinedRecord> records = new ArrayList<>();
        for (ConsumerRecord<String, String> r : batch) {
          try {
            records.add(Json.read(r.value(), QuarantinedRecord.class));
          } catch (RuntimeException e) {
            records.add(new QuarantinedRecord("unknown", "unknown", String.valueOf(r.key()), Map.of("value", String.valueOf(r.value())),
                "UNREADABLE_QUARANTINE_ENTRY", "the quarantine topic held an unreadable entry at offset " + r.offset(), 0, null, java.time.Instant.now()));
          }
        }
        try {
          store.store(records);
          consumer.commitSync();
          backoff = Duration.ofMillis(500);
        } catch (Exception e) {
          log.warn("quarantine: Elasticsearch did not take {} records ({}); retrying in {} ms", records.size(), e.getClass().getSimpleName(), backoff.toMillis());
          // Read the batch again after the pause: nothing is committed that is not stored.
          for (var partition : batch.partitions()) {
            consumer.seek(partition, batch.records(partition).get(0).offset());
          }
          Thread.sleep(backoff.toMillis());
          backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // stopping
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
