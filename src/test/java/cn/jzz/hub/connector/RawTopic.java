package cn.jzz.hub.connector;

import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a raw topic of the real broker from its start, for integration tests of connectors. */
public final class RawTopic implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<RawEvent> events = new ArrayList<>();

  public RawTopic(String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            new StringDeserializer());
    // Created up front with one partition, as the hub's KafkaTopics does before connectors start:
    // no race with auto-creation, and one order for all events of the test.
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.kafkaBootstrap()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      // Created meanwhile (an earlier test of the class, or the publisher's auto-creation): fine.
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topic, e);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + topic, e);
    }
    consumer.assign(List.of(new TopicPartition(topic, 0)));
    consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
  }

  /** Everything published so far, in the order it was published. */
  public synchronized List<RawEvent> all() {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
      RawEvent event = Json.read(record.value(), RawEvent.class);
      if (!record.key().equals(event.recordKey())) {
        throw new AssertionError("Kafka key " + record.key() + " is not the event's record key " + event.recordKey());
      }
      events.add(event);
    }
    return List.copyOf(events);
  }

  /** Events as short sentences, e.g. {@code c sa_member:4 王五}. */
  public static List<String> sentences(List<RawEvent> events, String field) {
    return events.stream()
        .map(e -> e.op() + " " + e.recordKey() + (e.after() != null && field != null ? " " + e.after().get(field) : ""))
        .collect(Collectors.toList());
  }

  public static KafkaProducer<String, String> producer() {
    return producer(ItServices.kafkaBootstrap());
  }

  public static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new StringSerializer(),
        new StringSerializer());
  }

  @Override
  public void close() {
    consumer.close();
  }
}
