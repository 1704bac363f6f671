package cn.jzz.hub.connector.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorFixtures;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RawTopic;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceStatus;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cdc-mariadb on the machine's MariaDB and the test broker: snapshot, then streaming inserts, updates
 * and deletes, then a stop and start in the middle of a stream of inserts — nothing lost, nothing doubled.
 */
class CdcMariadbIT {

  private static final String DB = "dept_mzj_cont";
  private static final String NS = "itcont" + Long.toHexString(System.nanoTime()).substring(6);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir static Path data;
  private static KafkaProducer<String, String> producer;
  private static ConnectorContext context;
  private static CdcMariadbOptions options;

  @BeforeAll
  static void createTheDepartment() throws Exception {
    try (Connection c = root(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4");
      s.execute("CREATE TABLE " + DB + ".sa_member (member_id INT PRIMARY KEY, family_id INT, id_card VARCHAR(18), name VARCHAR(50), update_time DATETIME)");
      s.execute("CREATE TABLE " + DB + ".not_captured (id INT PRIMARY KEY)");
      s.execute("INSERT INTO " + DB + ".sa_member VALUES (1, 10, '370811199001011234', '张三', '2026-11-20 10:00:00'),"
          + " (2, 10, '370811199002021234', '李四', '2026-11-20 10:00:00'), (3, 11, '370811199003031234', '王五', '2026-11-20 10:00:00')");
      s.execute("INSERT INTO " + DB + ".not_captured VALUES (1)");
    }
    HubProperties properties = ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS);
    producer = RawTopic.producer();
    context = ConnectorFixtures.context(properties, producer, null, s -> s);
    options = new CdcMariadbOptions(DB, List.of("sa_member"), null, 50);
  }

  @AfterAll
  static void dropTheDepartment() throws Exception {
    if (producer != null) {
      producer.close();
    }
    try (Connection c = root(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
    }
  }

  @Test
  void snapshotThenStreamingThenAStopAndStartMidStreamLosesAndDoublesNothing() throws Exception {
    SourceConnector connector = new CdcMariadbConnectorType().create("mzj", options, context);
    connector.start();
    try (RawTopic topic = new RawTopic(NS + ".raw.mzj")) {
      List<RawEvent> snapshot = Await.until("the snapshot", PATIENCE, topic::all, e -> e.size() >= 3);
      assertThat(RawTopic.sentences(snapshot, "name")).containsExactlyInAnyOrder("r sa_member:1 张三", "r sa_member:2 李四", "r sa_member:3 王五");
      assertThat(snapshot.stream().filter(e -> e.key().equals("1")).findFirst().orElseThrow().after())
          .containsEntry("update_time", "2026-11-20T10:00:00").containsEntry("id_card", "370811199001011234");

      execute("INSERT INTO sa_member VALUES (4, 11, '370811199004041234', '赵六', '2026-11-21 08:30:00')");
      execute("UPDATE sa_member SET name = '李四乙' WHERE member_id = 2");
      execute("DELETE FROM sa_member WHERE member_id = 3");
      List<RawEvent> streamed = Await.until("insert, update and delete", PATIENCE, topic::all, e -> e.size() >= 6).stream().filter(e -> !e.op().equals("r")).toList();
      assertThat(RawTopic.sentences(streamed, "name")).containsExactlyInAnyOrder("c sa_member:4 赵六", "u sa_member:2 李四乙", "d sa_member:3");
      assertThat(streamed).filteredOn(e -> e.op().equals("u")).singleElement().satisfies(e -> assertThat(e.before()).containsEntry("name", "李四"));
      assertThat(streamed).filteredOn(e -> e.op().equals("d")).singleElement().satisfies(e -> assertThat(e.before()).containsEntry("name", "王五"));
      assertThat(connector.status().state()).isEqualTo(SourceStatus.State.running);

      // Inserts keep coming while the connector is stopped and started again.
      Thread writer = new Thread(() -> {
        try (Connection c = root(DB); PreparedStatement insert = c.prepareStatement("INSERT INTO sa_member (member_id, family_id, name) VALUES (?, 12, ?)")) {
          for (int id = 100; id < 300; id++) {
            insert.setInt(1, id);
            insert.setString(2, "人" + id);
            insert.executeUpdate();
            Thread.sleep(5);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      writer.start();
      Await.until("the stream to be under way", PATIENCE, topic::all, e -> e.size() >= 20);
      connector.stop();
      assertThat(connector.status().state()).isEqualTo(SourceStatus.State.stopped);
      connector = new CdcMariadbConnectorType().create("mzj", options, context);
      connector.start();
      writer.join();
      List<RawEvent> all = Await.until("all 200 inserts", PATIENCE, topic::all, e -> e.stream().filter(x -> x.op().equals("c")).count() >= 201);
      List<String> inserts = all.stream().filter(e -> e.op().equals("c")).map(RawEvent::key).toList();
      assertThat(inserts).doesNotHaveDuplicates().hasSize(201);
      Set<String> expected = java.util.stream.IntStream.range(100, 300).mapToObj(String::valueOf).collect(Collectors.toSet());
      expected.add("4");
      assertThat(Set.copyOf(inserts)).isEqualTo(expected);
      assertThat(all.stream().filter(e -> e.op().equals("r")).count()).as("no second snapshot").isEqualTo(3);
      assertThat(all).noneMatch(e -> e.entity().equals("not_captured"));
    } finally {
      connector.stop();
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = root(DB); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static Connection root(String database) throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, "root", "");
  }

}
