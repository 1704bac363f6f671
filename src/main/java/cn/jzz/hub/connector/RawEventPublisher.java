package cn.jzz.hub.connector;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes raw events to {@code hub.raw.<source>}, keyed by the source record key. A batch returns
 * only when Kafka has acknowledged every event of it, so a connector may commit its source position
 * right after: that ordering is what makes ingestion at-least-once.
 */
public class RawEventPublisher implements AutoCloseable {

  private final Producer<String, String> producer;
  private final Topics topics;

  public RawEventPublisher(Producer<String, String> producer, Topics topics) {
    this.producer = producer;
    this.topics = topics;
  }

  public void publish(List<RawEvent> batch) throws InterruptedException {
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (RawEvent event : batch) {
      acks.add(
          producer.send(
              new ProducerRecord<>(topics.raw(event.source()), event.recordKey(), Json.write(event))));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get();
      } catch (ExecutionException e) {
        throw new PublishFailedException("Kafka did not accept a raw event: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }

  /** Kafka refused or timed out; the caller keeps its position and tries again. */
  public static class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
