package cn.jzz.hub.normalize.api;

import cn.jzz.hub.config.HubProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-normalises a source's retained raw events: reads {@code <ns>.raw.<source>} (compacted) from the
 * beginning up to where it ended when the replay started, and publishes each key's latest event again
 * with its original key and value (so its sourceTime is unchanged). The stream stages then normalise
 * it under the active mapping; contributions of equal sourceTime replace their slots, so a replay is
 * idempotent downstream.
 */
public final class RawReplayer {

  private static final Logger log = LoggerFactory.getLogger(RawReplayer.class);

  /** Progress of one source's replay. */
  public record Progress(String source, String state, long read, long published, Instant startedAt, Instant finishedAt, String error) {}

  private final HubProperties properties;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public RawReplayer(HubProperties properties) {
    this.properties = properties;
  }

  private static final class Job {
    final AtomicLong read = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final Instant startedAt = Instant.now();
    volatile String state = "running";
    volatile Instant finishedAt;
    volatile String error;

    Progress progress(String source) {
      return new Progress(source, state, read.get(), published.get(), startedAt, finishedAt, error);
    }
  }

  /** Starts a replay unless one of this source is running; returns its progress. */
  public synchronized Progress start(String source) {
    Job current = jobs.get(source);
    if (current != null && current.state.equals("running")) {
      return current.progress(source);
    }
    Job job = new Job();
    jobs.put(source, job);
    Thread thread = new Thread(() -> run(source, job), "replay-" + source);
    thread.setDaemon(true);
    thread.start();
    return job.progress(source);
  }

  public Progress progress(String source) {
    Job job = jobs.get(source);
    return job == null ? new Progress(source, "never", 0, 0, null, null, null) : job.progress(source);
  }

  private void run(String source, Job job) {
    String topic = properties.topics().raw(source);
    try (KafkaConsumer<String, String> consumer = consumer(); KafkaProducer<String, String> producer = producer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      // The latest value per key, in first-seen order; a tombstone forgets the key.
      Map<String, String> latest = new LinkedHashMap<>();
      Map<TopicPartition, Long> position = new HashMap<>();
      partitions.forEach(p -> position.put(p, consumer.position(p)));
      while (partitions.stream().anyMatch(p -> position.get(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() < end.get(tp)) {
            job.read.incrementAndGet();
            if (r.value() == null) {
              latest.remove(r.key());
            } else {
              latest.put(r.key(), r.value());
            }
          }
        }
        partitions.forEach(p -> position.put(p, consumer.position(p)));
      }
      List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
      for (Map.Entry<String, String> e : latest.entrySet()) {
        acks.add(producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue()), (m, ex) -> {
          if (ex == null) {
            job.published.incrementAndGet();
          }
        }));
      }
      producer.flush();
      for (var ack : acks) {
        ack.get();
      }
      job.state = "done";
    } catch (Exception e) {
      job.error = e.getClass().getSimpleName() + ": " + e.getMessage();
      job.state = "failed";
      log.warn("replay of {} failed after {} events read: {}", source, job.read.get(), job.error);
    } finally {
      job.finishedAt = Instant.now();
    }
  }

  /** Publishes one raw event again (a quarantined record's replay). */
  public void republish(String source, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(properties.topics().raw(source), key, value)).get();
    }
  }

  private KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  private KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }
}
