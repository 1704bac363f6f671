package cn.jzz.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.bench.ChangeDriver;
import cn.jzz.hub.bench.HubProcess;
import cn.jzz.hub.bench.KafkaLag;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw topic replayed twice in shuffled order (so older versions of a row arrive after newer ones),
 * and 1% poison records published into it: the index ends equal to the departments, the poison lands
 * in quarantine, and the pipeline keeps going. Cheap enough to run in every {@code ./hub test}.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayAndPoisonIT {

  @TempDir static Path dir;
  private static FaultHarness h;
  private static String rawTopic;

  @BeforeAll
  static void world() throws Exception {
    h = new FaultHarness("replay", 1500, dir);
    rawTopic = h.namespace + ".raw.gaj";
    h.startAndAwaitUp();
    h.awaitIndexCountAtLeast(h.world.expected());
    // two renames of the same persons: three versions of their rows in the raw topic
    for (String prefix : List.of("甲版", "乙版")) {
      ChangeDriver driver = h.changes(50, 3_000, prefix);
      driver.run();
      h.awaitMarkersSearchable(driver);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @Order(1)
  void aRawTopicReplayedTwiceOutOfOrderChangesNothing() throws Exception {
    List<ConsumerRecord<String, String>> all = readAll(rawTopic);
    assertThat(all.size()).isGreaterThan(h.world.gaj().rows());
    List<ConsumerRecord<String, String>> replay = new ArrayList<>(all);
    replay.addAll(all);
    Collections.shuffle(replay, new Random(3));
    try (KafkaProducer<String, String> producer = producer()) {
      for (ConsumerRecord<String, String> r : replay) {
        producer.send(new ProducerRecord<>(rawTopic, r.key(), r.value()));
      }
    }
    awaitPipelineIdle();
    h.awaitConsistent();
  }

  @Test
  @Order(2)
  void onePercentPoisonIsQuarantinedAndTheRestFlows() throws Exception {
    int poison = Math.max(20, h.world.gaj().rows() / 100);
    ChangeDriver driver = h.changes(30, 5_000, "毒后");
    Thread changes = new Thread(driver, "changes");
    changes.start();
    Random random = new Random(9);
    List<String> bad =
        List.of(
            "not json at all",
            "{\"source\":\"gaj\",\"entity\":\"rk_jbxx\"",
            "{\"source\":\"gaj\",\"entity\":\"rk_jbxx\",\"op\":\"u\",\"key\":\"1\",\"after\":\"a string, not a row\"}",
            "{\"source\":\"gaj\",\"entity\":\"rk_jbxx\",\"op\":\"c\",\"key\":\"9\",\"after\":{\"gmsfhm\":[1,2,3],\"xm\":{\"nested\":true}}}",
            "{\"source\":\"gaj\",\"entity\":\"rk_jbxx\",\"op\":\"c\",\"key\":\"8\",\"after\":null}",
            "[]",
            "");
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < poison; i++) {
        producer.send(new ProducerRecord<>(rawTopic, "rk_jbxx:poison-" + i, bad.get(random.nextInt(bad.size()))));
      }
    }
    changes.join();
    h.awaitMarkersSearchable(driver);
    awaitPipelineIdle();
    assertThat(quarantinedCount()).as("poison records counted as quarantined").isGreaterThanOrEqualTo(poison);
    assertThat(h.hub().alive()).isTrue();
    h.awaitConsistent();
  }

  private static double quarantinedCount() throws Exception {
    return h.hub().metrics().entrySet().stream()
        .filter(e -> e.getKey().startsWith("hub_normalize_records_total{") && e.getKey().contains("outcome=\"quarantined\""))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static void awaitPipelineIdle() throws Exception {
    try (KafkaLag lag = new KafkaLag(ItServices.kafkaBootstrap(), List.of(h.namespace, h.namespace + "-indexer"))) {
      Await.until("the hub's consumer lag to reach 0", FaultHarness.PATIENCE, lag::lag, l -> l == 0);
    }
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ItServices.kafkaBootstrap(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}
