package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which hub instance reads which source: a Kafka consumer group over topic {@code <ns>.leases}, one
 * partition per configured source (partition = the source's index in the sorted list). Kafka's group
 * protocol gives each partition to exactly one live member; when a member stops heart-beating for
 * the session timeout its partitions go to the others. Nothing is ever produced to or committed on
 * the topic: only the assignment matters.
 */
final class SourceLeases implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SourceLeases.class);

  /** Told, on the lease thread, when this instance gains or loses sources. */
  interface Listener {
    void acquired(List<String> sources);

    void released(List<String> sources);
  }

  private final HubProperties properties;
  private final IngestProperties ingest;
  private final List<String> sources;
  private final Listener listener;
  private final String topic;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean closed;

  SourceLeases(HubProperties properties, IngestProperties ingest, List<String> sortedSources, Listener listener) {
    this.properties = properties;
    this.ingest = ingest;
    this.sources = List.copyOf(sortedSources);
    this.listener = listener;
    this.topic = properties.kafka().topicNamespace() + ".leases";
  }

  String groupId() {
    return properties.kafka().applicationId() + "-leases";
  }

  @Override
  public void run() {
    try {
      ensureTopicWithBackoff();
      if (closed) {
        return;
      }
      Map<String, Object> config =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
              ConsumerConfig.GROUP_ID_CONFIG, groupId(),
              ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
              ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) ingest.leaseSessionTimeout().toMillis(),
              ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, ingest.leaseSessionTimeout().toMillis() / 4),
              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
              // Revoking a source stops its connector inside poll(); that can take a while.
              ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000,
              ConsumerConfig.CLIENT_ID_CONFIG, groupId() + "-" + ProcessHandle.current().pid());
      consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic), new Rebalance());
      while (!closed) {
        consumer.poll(Duration.ofMillis(500));
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      if (!closed) {
        log.error("source leases on {} failed; this instance reads no source until restarted: {}", topic, e.toString());
      }
    } finally {
      KafkaConsumer<byte[], byte[]> c = consumer;
      if (c != null) {
        try {
          c.close(Duration.ofSeconds(30)); // runs the revocation callback: connectors stop before others take over
        } catch (RuntimeException e) {
          log.warn("closing the lease consumer: {}", e.toString());
        }
      }
    }
  }

  void close() {
    closed = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  /**
   * Kafka answers "does not host this topic-partition" for a moment after a topic is created, and not
   * at all while the broker restarts: retriable, so retried with backoff; only a permanent refusal
   * (e.g. authorisation) ends the lease thread.
   */
  private void ensureTopicWithBackoff() {
    long backoffMs = 200;
    while (!closed) {
      try {
        ensureTopic();
        return;
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof ExecutionException cause) || !(cause.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
          throw e;
        }
        log.warn("lease topic {} not ready ({}), retrying in {} ms", topic, cause.getCause().getMessage(), backoffMs);
        try {
          Thread.sleep(backoffMs);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  private void ensureTopic() {
    int wanted = Math.max(1, sources.size());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get();
      if (!existing.contains(topic)) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, wanted, properties.kafka().replicationFactor()))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e; // another instance creating it at the same moment is fine
          }
        }
      }
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      if (description.partitions().size() < wanted) {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(wanted))).all().get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the lease topic " + topic + " at " + properties.kafka().bootstrapServers() + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> sourcesOf(Collection<TopicPartition> partitions) {
    List<String> result = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      // Partitions beyond the configured sources (the topic was made for more) carry nothing.
      if (partition.topic().equals(topic) && partition.partition() < sources.size()) {
        result.add(sources.get(partition.partition()));
      }
    }
    return result;
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      List<String> gained = sourcesOf(partitions);
      if (!gained.isEmpty()) {
        log.info("this instance now reads {}", gained);
        listener.acquired(gained);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      List<String> lost = sourcesOf(partitions);
      if (!lost.isEmpty()) {
        log.info("this instance hands over {}", lost);
        listener.released(lost);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      onPartitionsRevoked(partitions);
    }
  }
}
