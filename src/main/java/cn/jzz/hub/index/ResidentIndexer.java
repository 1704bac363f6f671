package cn.jzz.hub.index;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.context.SmartLifecycle;

/**
 * Stage {@code index}: golden records from {@code hub.residents} into Elasticsearch with bulk writes.
 *
 * <p>Kafka offsets are committed only after {@link BulkWriter} settled every item of the batch, so a
 * crash replays rather than loses; the bulk's backpressure is the consumer's pace.
 */
public final class ResidentIndexer implements SmartLifecycle {


  private final Consumer<String, String> consumer;
  private final String topic;
  private final String alias;
  private final BulkWriter writer;
  private final CaughtUpRefresh refresh;
  private volatile boolean running;
  private Thread worker;

  ResidentIndexer(Consumer<String, String> consumer, String topic, String alias, BulkWriter writer, CaughtUpRefresh refresh) {
    this.consumer = consumer;
    this.topic = topic;
    this.alias = alias;
    this.writer = writer;
    this.refresh = refresh;
  }

  @Override
  public synchronized void start() {
    running = true;
    worker = new Thread(this::run, "index.residents");
    worker.start();
  }

  private void run() {
    consumer.subscribe(List.of(topic));
    try {
      while (running) {
        long pendingRefresh = refresh.waitMs();
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(pendingRefresh > 0 ? pendingRefresh : 200));
        if (records.isEmpty()) {
          refresh.refreshIfDue();
          continue;
        }
        writer.writeAll(alias, BulkWriter.coalesce(records), () -> running);
        consumer.commitSync();
        refresh.written(caughtUp());
      }
    } catch (WakeupException | BulkWriter.StoppedException e) {
      // shutting down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Nothing more committed is waiting in any assigned partition, as of the last fetch. */
  private boolean caughtUp() {
    for (TopicPartition partition : consumer.assignment()) {
      if (consumer.currentLag(partition).orElse(0) > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    consumer.wakeup();
    if (worker != null) {
      try {
        worker.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
