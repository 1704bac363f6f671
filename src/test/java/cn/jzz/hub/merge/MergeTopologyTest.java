package cn.jzz.hub.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.identity.AreaCodes;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.normalize.ReferenceRecord;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagAssertion;
import cn.jzz.hub.schema.TagDictionary;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The merge stage on Kafka Streams' test driver: contributions and reference data in, golden records out. */
class MergeTopologyTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Topics TOPICS = new Topics("t");
  private static final String ALICE_ID = id("37081119500101002");
  private static final String BOB_ID = id("37081119520202003");
  private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T04:00:00Z"));
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> contributions;
  private TestInputTopic<String, String> reference;
  private TestOutputTopic<String, String> residents;
  private final Map<String, JsonNode> latest = new HashMap<>();

  @BeforeEach
  void setUp() {
    ResidentSchema schema = ResidentSchema.load(Path.of("schemas"));
    TagDictionary tags = TagDictionary.load(Path.of("schemas"), schema);
    IdNumbers ids = new IdNumbers(AreaCodes.load(Path.of("schemas/divisions")), clock);
    Topology topology = new Topology();
    MergeTopology.addTo(topology, TOPICS, new GoldenRecordBuilder(schema, tags, ids, clock), clock, ZONE, Duration.ofMillis(100));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "merge-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props, Instant.parse("2026-11-26T04:00:00Z"));
    contributions = driver.createInputTopic(TOPICS.contributions(), new StringSerializer(), new StringSerializer());
    reference = driver.createInputTopic(TOPICS.reference(), new StringSerializer(), new StringSerializer());
    residents = driver.createOutputTopic(TOPICS.residents(), new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void theAuthorityOfTheSchemaDecidesAndTheLoserIsKeptAsAConflict() {
    send(person(ALICE_ID, "gaj", "rk_jbxx:1", Map.of("full_name", "张三", "hukou_division_code", "370811"), T0));
    send(person(ALICE_ID, "ishandong", "jmzzsb:h1", Map.of("full_name", "张叁", "phone", "13800000001"), T0.plusSeconds(60)));
    send(person(ALICE_ID, "zfw", "wg_rfxx:9", Map.of("phone", "13800000002", "grid_code", "370811002001003"), T0.plusSeconds(120)));
    JsonNode alice = settle(ALICE_ID);
    assertThat(alice.path("full_name").asText()).as("gaj outranks 爱山东 for 姓名").isEqualTo("张三");
    assertThat(alice.path("provenance").path("full_name").path("rule").asText()).isEqualTo("ordered:gaj");
    assertThat(alice.path("conflicts").path("full_name").get(0).path("value").asText()).isEqualTo("张叁");
    assertThat(alice.path("phone").asText()).as("latest of ishandong, zfw").isEqualTo("13800000002");
    assertThat(alice.path("sex").asText()).as("derived from the ID when gaj gives none").isEqualTo("2");
    assertThat(alice.path("birth_date").asText()).isEqualTo("1950-01-01");
    assertThat(alice.path("community_code").asText()).as("from the grid").isEqualTo("370811002001");
    assertThat(alice.path("county_code").asText()).isEqualTo("370811");
    assertThat(alice.path("township_code").asText()).isEqualTo("370811002");
    assertThat(alice.path("sources")).extracting(JsonNode::asText).containsExactly("gaj", "ishandong", "zfw");
    assertThat(alice.path("status").asText()).isEqualTo("在册");
  }

  @Test
  void tagsHoldOnlyWithinTheirValidityAndADeathNoticeWins() {
    send(new Contribution(pid(ALICE_ID), "mzj", "child_care", "child_care:1", Map.of("id_number", ALICE_ID), List.of(), T0, "p", 1, false, null,
        List.of(new TagAssertion("低保", "mzj", LocalDate.of(2020, 1, 1), null), new TagAssertion("特困供养", "mzj", LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1)))));
    JsonNode alice = settle(ALICE_ID);
    assertThat(alice.path("assistance_tags")).extracting(JsonNode::asText).containsExactly("低保");
    assertThat(alice.path("tag_all")).extracting(JsonNode::asText).contains("低保").doesNotContain("特困供养");

    send(person(ALICE_ID, "ishandong", "swxx:h2", Map.of("status", "死亡"), T0.plusSeconds(5)));
    assertThat(settle(ALICE_ID).path("status").asText()).isEqualTo("死亡");
  }

  @Test
  void coResidentsDecide独居And空巢AndAMoveReEvaluatesTheOthers() {
    send(person(ALICE_ID, "zfw", "wg_rfxx:1", Map.of("house_code", "H1", "person_house_relation", "产权人"), T0));
    send(person(BOB_ID, "zfw", "wg_rfxx:2", Map.of("house_code", "H1", "person_house_relation", "家庭成员"), T0));
    JsonNode alice = settle(ALICE_ID);
    assertThat(alice.path("elderly_tags")).extracting(JsonNode::asText).containsExactly("空巢");
    assertThat(latest.get(pid(BOB_ID)).path("elderly_tags")).extracting(JsonNode::asText).containsExactly("空巢");
    assertThat(alice.path("house_occupancy").asText()).isEqualTo("自住");

    send(person(BOB_ID, "zfw", "wg_rfxx:2", Map.of("house_code", "H2", "person_house_relation", "承租人"), T0.plusSeconds(10)));
    alice = settle(ALICE_ID);
    assertThat(alice.path("elderly_tags")).extracting(JsonNode::asText).contains("独居");
    assertThat(latest.get(pid(BOB_ID)).path("house_occupancy").asText()).isEqualTo("出租");
  }

  @Test
  void aCompoundChangeReachesEveryResidentUnderIt() {
    reference.pipeInput("compound:C1", Json.write(ref("compound", "C1", Map.of("compound_name", "幸福家园", "compound_type", "商品房小区", "community_code", "370811002001"), T0)));
    reference.pipeInput("building:B1", Json.write(ref("building", "B1", Map.of("compound_code", "C1", "building_no", "3"), T0)));
    reference.pipeInput("house:H1", Json.write(ref("house", "H1", Map.of("building_code", "B1", "unit_no", "2", "room_no", "501", "floor_no", 5), T0)));
    send(person(ALICE_ID, "zrzyj", "bdc_qlr:1", Map.of("house_code", "H1", "person_house_relation", "产权人"), T0));
    JsonNode alice = settle(ALICE_ID);
    assertThat(alice.path("compound_name").asText()).isEqualTo("幸福家园");
    assertThat(alice.path("building_no").asText()).isEqualTo("3");
    assertThat(alice.path("room_no").asText()).isEqualTo("501");
    assertThat(alice.path("community_code").asText()).as("the compound's community, source zjj").isEqualTo("370811002001");
    assertThat(alice.path("provenance").path("community_code").path("source").asText()).isEqualTo("zjj");

    reference.pipeInput("compound:C1", Json.write(ref("compound", "C1", Map.of("compound_name", "幸福家园", "compound_type", "商品房小区", "property_service", "济宁物业", "community_code", "370811002001"), T0.plusSeconds(60))));
    assertThat(settle(ALICE_ID).path("property_service").asText()).isEqualTo("济宁物业");
  }

  @Test
  void aFamilysAssistanceReachesItsMembersAndStopsWithIt() {
    reference.pipeInput("family:F7", Json.write(new ReferenceRecord("family", "F7",
        Map.of("assistance_tag", "低保", "valid_from", "2021-03-01", "community_code", "370811002002"), "mzj", "sa_family:F7", T0, false)));
    send(person(ALICE_ID, "mzj", "sa_member:1", Map.of("family_code", "F7"), T0));
    JsonNode alice = settle(ALICE_ID);
    assertThat(alice.path("assistance_tags")).extracting(JsonNode::asText).containsExactly("低保");
    assertThat(alice.path("community_code").asText()).isEqualTo("370811002002");
    assertThat(alice.has("family_code")).as("a link field is not part of the record").isFalse();

    reference.pipeInput("family:F7", Json.write(new ReferenceRecord("family", "F7", Map.of(), "mzj", "sa_family:F7", T0.plusSeconds(60), true)));
    alice = settle(ALICE_ID);
    assertThat(alice.has("assistance_tags")).as("a stopped family's tag goes").isFalse();
  }

  @Test
  void aPersonWhoseLastSourceIsWithdrawnGetsATombstoneWithAHigherVersion() {
    send(person(ALICE_ID, "gaj", "rk_jbxx:1", Map.of("full_name", "张三"), T0));
    long version = settle(ALICE_ID).path("version").asLong();
    send(Contribution.withdrawal(pid(ALICE_ID), "gaj", "rk_jbxx:1", T0.plusSeconds(1), "p", 1));
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    var records = residents.readRecordsToList();
    var last = records.get(records.size() - 1);
    assertThat(last.key()).isEqualTo(pid(ALICE_ID));
    assertThat(last.value()).isNull();
    assertThat(Long.parseLong(new String(last.headers().lastHeader(MergeTopology.VERSION_HEADER).value()))).isGreaterThan(version);
  }

  @Test
  void manyContributionsInOneBurstEmitThePersonOnce() {
    for (int i = 0; i < 5; i++) {
      send(person(ALICE_ID, "gaj", "rk_jbxx:" + i, Map.of("full_name", "张三" + i), T0.plusSeconds(i)));
    }
    driver.advanceWallClockTime(Duration.ofMillis(200));
    assertThat(residents.readRecordsToList()).hasSize(1);
  }

  @Test
  void aNewDayRebuildsEveryoneSoExpiredTagsDisappear() {
    send(new Contribution(pid(ALICE_ID), "sfj", "azbj_xmsf", "azbj_xmsf:1", Map.of("id_number", ALICE_ID), List.of(), T0, "p", 1, false, null,
        List.of(new TagAssertion("刑满释放人员", "sfj", LocalDate.of(2021, 11, 27), null))));
    assertThat(settle(ALICE_ID).path("justice_tags")).extracting(JsonNode::asText).containsExactly("刑满释放人员");
    clock.set(Instant.parse("2026-11-27T04:00:00Z"));
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    JsonNode alice = drain().get(pid(ALICE_ID));
    assertThat(alice.has("justice_tags")).as("five years after release the tag lapses").isFalse();
  }

  private void send(Contribution c) {
    contributions.pipeInput(c.personId(), Json.write(c));
  }

  private JsonNode settle(String idNumber) {
    for (int i = 0; i < 6; i++) {
      driver.advanceWallClockTime(Duration.ofMillis(150));
    }
    drain();
    return latest.get(pid(idNumber));
  }

  private Map<String, JsonNode> drain() {
    residents.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value == null ? null : Json.read(kv.value, JsonNode.class)));
    return latest;
  }

  private static Contribution person(String idNumber, String source, String recordKey, Map<String, Object> fields, Instant at) {
    Map<String, Object> all = new HashMap<>(fields);
    all.put("id_number", idNumber);
    return new Contribution(pid(idNumber), source, recordKey.substring(0, recordKey.indexOf(':')), recordKey, all, List.of(), at, "p", 1, false);
  }

  private static ReferenceRecord ref(String kind, String code, Map<String, Object> fields, Instant at) {
    return new ReferenceRecord(kind, code, fields, "zjj", kind + ":" + code, at, false);
  }

  private static String pid(String idNumber) {
    return "p" + idNumber.substring(0, 17) + "0000000000000000".substring(0, 15);
  }

  private static String id(String first17) {
    return first17 + IdNumbers.checkCharacter(first17);
  }

  /** A clock the test moves, so "today" can change. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      MutableClock self = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return self.withZone(z);
        }

        @Override
        public Instant instant() {
          return self.now;
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
