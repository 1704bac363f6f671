package cn.jzz.hub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.support.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The processor's memory of what each record produced: several people per row, reference records,
 * and withdrawals on delete, filter, quarantine and re-identification; counts reconcile.
 */
class NormalizeProcessorTest {

  private final Topics topics = new Topics("t");
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> mzj;
  private TestInputTopic<String, String> zjj;
  private TestOutputTopic<String, String> contributions;
  private TestOutputTopic<String, String> references;
  private TestOutputTopic<String, String> quarantine;
  private long time = 1;

  @BeforeEach
  void setUp() {
    Normalizer normalizer = NormalizeFixtures.normalizer(NormalizeFixtures.registry());
    Topology topology = new Topology();
    topology.addSource("raw", new StringDeserializer(), new StringDeserializer(), java.util.regex.Pattern.compile("t\\.raw\\..+"));
    topology.addProcessor("normalize", () -> new NormalizeProcessor(normalizer, topics, meters), "raw");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NormalizeProcessor.STORE), Serdes.String(), Serdes.String()), "normalize");
    topology.addSink(NormalizeProcessor.TO_CONTRIBUTIONS, topics.contributions(), new StringSerializer(), new StringSerializer(), "normalize");
    topology.addSink(NormalizeProcessor.TO_REFERENCE, topics.reference(), new StringSerializer(), new StringSerializer(), "normalize");
    topology.addSink(NormalizeProcessor.TO_QUARANTINE, topics.quarantine(), new StringSerializer(), new StringSerializer(), "normalize");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "normalize-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, p);
    mzj = driver.createInputTopic(topics.raw("mzj"), new StringSerializer(), new StringSerializer());
    zjj = driver.createInputTopic(topics.raw("zjj"), new StringSerializer(), new StringSerializer());
    contributions = driver.createOutputTopic(topics.contributions(), new StringDeserializer(), new StringDeserializer());
    references = driver.createOutputTopic(topics.reference(), new StringDeserializer(), new StringDeserializer());
    quarantine = driver.createOutputTopic(topics.quarantine(), new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(TestInputTopic<String, String> topic, String source, String entity, String op, String key, Map<String, Object> row) {
    RawEvent e = new RawEvent(source, entity, op, key, op.equals("d") ? null : row, op.equals("d") ? row : null, Instant.ofEpochSecond(time++), "p" + time);
    topic.pipeInput(e.recordKey(), Json.write(e));
  }

  private static Map<String, Object> marriage(String man, String woman, String type) {
    Map<String, Object> row = new HashMap<>();
    row.put("man_id_card", man);
    row.put("man_name", "男");
    row.put("woman_id_card", woman);
    row.put("woman_name", "女");
    row.put("reg_type", type);
    return row;
  }

  private List<Contribution> readContributions() {
    return contributions.readValuesToList().stream().map(v -> Json.read(v, Contribution.class)).toList();
  }

  @Test
  void oneRowTwoPeopleAndAChangedIdWithdrawsOnlyThatRole() {
    send(mzj, "mzj", "hy_djxx", "c", "1", marriage("370811198001011231", "370811194912310023", "JH"));
    List<Contribution> first = readContributions();
    assertThat(first).extracting(Contribution::slot).containsExactly("mzj/hy_djxx:1#man", "mzj/hy_djxx:1#woman");
    String woman = first.get(1).personId();

    send(mzj, "mzj", "hy_djxx", "u", "1", marriage("370811198001011231", "37081119550808556X", "JH"));
    List<Contribution> second = readContributions();
    assertThat(second).filteredOn(Contribution::withdrawn).singleElement().satisfies(w -> {
      assertThat(w.personId()).isEqualTo(woman);
      assertThat(w.slot()).isEqualTo("mzj/hy_djxx:1#woman");
    });
    assertThat(second).filteredOn(c -> !c.withdrawn()).hasSize(2);

    send(mzj, "mzj", "hy_djxx", "d", "1", null);
    assertThat(readContributions()).allMatch(Contribution::withdrawn).extracting(Contribution::role).containsExactlyInAnyOrder("man", "woman");
  }

  @Test
  void aRejectedUpdateWithdrawsWhatTheRecordSaidAndIsQuarantined() {
    send(mzj, "mzj", "hy_djxx", "c", "2", marriage("370811198001011231", "370811194912310023", "JH"));
    readContributions();
    send(mzj, "mzj", "hy_djxx", "u", "2", marriage("370811198001011231", "370811194912310024", "JH"));
    assertThat(readContributions()).hasSize(2).allMatch(Contribution::withdrawn);
    QuarantinedRecord q = Json.read(quarantine.readValue(), QuarantinedRecord.class);
    assertThat(q.reason()).isEqualTo("BAD_CHECK_CHARACTER");
    assertThat(q.message()).doesNotContain("370811194912310024").contains("woman");
    assertThat(q.event().key()).isEqualTo("2");
    assertThat(q.raw()).containsEntry("woman_id_card", "370811194912310024");
  }

  @Test
  void referenceRecordsGoToTheirTopicAndAFilterWithdrawsThem() {
    Map<String, Object> family = new HashMap<>(Map.of("family_id", "501", "assist_type", "DB", "community_name", "翰林社区", "start_date", "2023-01-01", "status", "1"));
    send(mzj, "mzj", "sa_family", "c", "501", family);
    ReferenceRecord r = Json.read(references.readKeyValue().value, ReferenceRecord.class);
    assertThat(r.key()).isEqualTo("family:501");
    family.put("status", "0");
    send(mzj, "mzj", "sa_family", "u", "501", family);
    var withdrawn = references.readKeyValue();
    assertThat(withdrawn.key).isEqualTo("family:501");
    assertThat(Json.read(withdrawn.value, ReferenceRecord.class).withdrawn()).isTrue();
    send(zjj, "zjj", "xq_xx", "c", "XQ1", Map.of("xqbm", "XQ1", "xqmc", "幸福家园", "xqlx", "1"));
    assertThat(references.readKeyValue().key).isEqualTo("compound:XQ1");
  }

  @Test
  void everyRowIsCountedOnceUnderOneOutcome() {
    send(mzj, "mzj", "hy_djxx", "c", "3", marriage("370811198001011231", "370811194912310023", "JH"));
    send(mzj, "mzj", "child_care", "c", "4", Map.of("id_card", "370811201506013325", "name", "小", "category", "孤儿", "valid", "0"));
    send(mzj, "mzj", "sa_member", "c", "5", Map.of("id_card", "bad", "name", "x", "family_id", "1"));
    send(mzj, "mzj", "hy_djxx", "d", "3", null);
    mzj.pipeInput("sa_member:6", "{not json");
    double read = 0;
    for (String outcome : List.of("accepted", "filtered", "quarantined", "deleted")) {
      double n = meters.counter("hub.normalize.records", "source", "mzj", "outcome", outcome).count();
      assertThat(n).as(outcome).isEqualTo(outcome.equals("quarantined") ? 2 : 1);
      read += n;
    }
    assertThat(read).isEqualTo(5);
    assertThat(quarantine.readValuesToList()).hasSize(2);
  }
}
