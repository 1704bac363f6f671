package cn.jzz.hub.connector.poll;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdbc-poll on the machine's PostgreSQL (a view, as ybj gives it) and MariaDB (two tables, as sfj):
 * the first poll reads everything once although batch jobs stamped hundreds of rows with one time,
 * the next polls read only changes, and a restart resumes from the stored watermark.
 */
class JdbcPollIT {

  private static final String PG_DB = "dept_ybj_cont";
  private static final String MARIA_DB = "dept_sfj_cont";
  private static final String NS = "itcont" + Long.toHexString(System.nanoTime()).substring(6);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path data;
  private static KafkaProducer<String, String> producer;
  private static DefaultCamelContext camel;
  private static ConnectorContext context;

  @BeforeAll
  static void createTheDepartments() throws Exception {
    try (Connection c = pg("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + PG_DB);
    }
    try (Connection c = pg(PG_DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE yb_cbxx (psn_no varchar(20) PRIMARY KEY, certno varchar(18), psn_name varchar(50), brdy date, insutype char(3), psn_insu_stas char(1), updt_time timestamp)");
      s.execute("CREATE VIEW v_yb_cbxx AS SELECT * FROM yb_cbxx");
      // Three batch jobs: 250 rows each at exactly one timestamp.
      s.execute("INSERT INTO yb_cbxx SELECT 'P' || lpad(i::text, 6, '0'), '370811199001011234', '参保人' || i, date '1990-01-01', '390', '1',"
          + " timestamp '2026-11-20 02:00:00' + ((i / 250) * interval '1 hour') FROM generate_series(0, 749) i");
    }
    try (Connection c = maria(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + MARIA_DB);
      s.execute("CREATE DATABASE " + MARIA_DB + " CHARACTER SET utf8mb4");
      s.execute("CREATE TABLE " + MARIA_DB + ".sqjz_jzdx (id INT PRIMARY KEY, xm VARCHAR(50), sfzh VARCHAR(18), jzlb VARCHAR(20), zt VARCHAR(10), update_time DATETIME)");
      s.execute("CREATE TABLE " + MARIA_DB + ".azbj_xmsf (id INT PRIMARY KEY, xm VARCHAR(50), sfzh VARCHAR(18), sfrq DATE, update_time DATETIME)");
      s.execute("INSERT INTO " + MARIA_DB + ".sqjz_jzdx VALUES (1, '甲', '370811199001011234', '缓刑', '在矫', '2026-11-20 09:00:00'), (2, '乙', '370811199002021234', '假释', '在矫', '2026-11-20 09:00:00')");
      s.execute("INSERT INTO " + MARIA_DB + ".azbj_xmsf VALUES (7, '丙', '370811199003031234', '2025-06-30', '2026-11-19 17:00:00')");
    }
    producer = RawTopic.producer();
    camel = new DefaultCamelContext();
    camel.start();
    context = ConnectorFixtures.context(ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS), producer, camel, s -> s);
  }

  @AfterAll
  static void dropTheDepartments() throws Exception {
    if (camel != null) {
      camel.stop();
    }
    if (producer != null) {
      producer.close();
    }
    try (Connection c = pg("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
    }
    try (Connection c = maria(""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + MARIA_DB);
    }
  }

  private static SourceConnector ybj() {
    return new JdbcPollConnectorType()
        .create("ybj", new JdbcPollOptions("postgres", PG_DB, List.of(new JdbcPollOptions.Table("v_yb_cbxx", "updt_time", "psn_no")), 100, 200), context);
  }

  @Test
  void aViewIsReadOnceAcrossBatchTimestampsThenOnlyChangesThenResumedAfterARestart() throws Exception {
    SourceConnector connector = ybj();
    connector.start();
    try (RawTopic topic = new RawTopic(NS + ".raw.ybj")) {
      List<RawEvent> first = Await.until("the first poll", PATIENCE, topic::all, e -> e.size() >= 750);
      assertThat(first).hasSize(750).extracting(RawEvent::key).doesNotHaveDuplicates();
      RawEvent one = first.stream().filter(e -> e.key().equals("P000250")).findFirst().orElseThrow();
      assertThat(one.op()).isEqualTo("r");
      assertThat(one.entity()).isEqualTo("v_yb_cbxx");
      assertThat(one.after()).containsEntry("updt_time", "2026-11-20T03:00:00").containsEntry("brdy", "1990-01-01").containsEntry("psn_name", "参保人250");
      assertThat(one.sourceTime()).as("local time read as UTC+8").isEqualTo(Instant.parse("2026-11-19T19:00:00Z"));

      // A fourth batch job stamps 40 changed rows and 10 new ones with one new time; deletes never happen here.
      execute(pg(PG_DB), "UPDATE yb_cbxx SET psn_insu_stas = '4', updt_time = timestamp '2026-11-21 02:00:00' WHERE psn_no < 'P000040'");
      execute(pg(PG_DB), "INSERT INTO yb_cbxx SELECT 'Q' || i, '370811199001011234', '新' || i, date '2000-01-01', '310', '1', timestamp '2026-11-21 02:00:00' FROM generate_series(1, 10) i");
      List<RawEvent> second = Await.until("the changes", PATIENCE, topic::all, e -> e.size() >= 800).subList(750, 800);
      assertThat(second).extracting(RawEvent::key).doesNotHaveDuplicates().allMatch(k -> k.compareTo("P000040") < 0 || k.startsWith("Q"));
      assertThat(second).filteredOn(e -> e.key().startsWith("P")).allSatisfy(e -> assertThat(e.after()).containsEntry("psn_insu_stas", "4"));

      connector.stop();
      assertThat(connector.status().state()).isEqualTo(SourceStatus.State.stopped);
      execute(pg(PG_DB), "INSERT INTO yb_cbxx VALUES ('Q99', '370811199001011234', '停机时来', '2001-01-01', '390', '1', timestamp '2026-11-21 02:00:00')");
      connector = ybj();
      connector.start();
      List<RawEvent> after = Await.until("the row added while stopped", PATIENCE, topic::all, e -> e.size() >= 801);
      Thread.sleep(1000); // several more polls: nothing else may come
      assertThat(topic.all()).hasSize(801);
      assertThat(after.get(800).key()).isEqualTo("Q99");
      assertThat(connector.status().eventsRead()).isGreaterThan(0);
    } finally {
      connector.stop();
    }
  }

  @Test
  void severalMariadbTablesEachKeepTheirOwnWatermark() throws Exception {
    SourceConnector sfj =
        new JdbcPollConnectorType()
            .create("sfj", new JdbcPollOptions("mariadb", MARIA_DB,
                List.of(new JdbcPollOptions.Table("sqjz_jzdx", "update_time", "id"), new JdbcPollOptions.Table("azbj_xmsf", "update_time", "id")), 500, 200), context);
    sfj.start();
    try (RawTopic topic = new RawTopic(NS + ".raw.sfj")) {
      Await.until("both tables", PATIENCE, topic::all, e -> e.size() >= 3);
      execute(maria(MARIA_DB), "UPDATE sqjz_jzdx SET zt = '解矫', update_time = '2026-11-22 10:00:00' WHERE id = 2");
      List<RawEvent> all = Await.until("the update", PATIENCE, topic::all, e -> e.size() >= 4);
      Map<String, List<String>> byEntity =
          all.stream().collect(Collectors.groupingBy(RawEvent::entity, Collectors.mapping(e -> e.key() + ":" + e.after().get("xm"), Collectors.toList())));
      assertThat(byEntity).containsOnly(Map.entry("sqjz_jzdx", List.of("1:甲", "2:乙", "2:乙")), Map.entry("azbj_xmsf", List.of("7:丙")));
      assertThat(all.get(3).after()).containsEntry("zt", "解矫").containsEntry("update_time", "2026-11-22T10:00:00");
      assertThat(all.stream().collect(Collectors.toMap(RawEvent::position, Function.identity(), (a, b) -> a))).hasSize(4);
    } finally {
      sfj.stop();
    }
  }

  @Test
  void aMissingTableFailsTheSourceWithTheFixInsteadOfRetryingForever() throws Exception {
    SourceConnector wrong =
        new JdbcPollConnectorType().create("zzb", new JdbcPollOptions("postgres", PG_DB, List.of(new JdbcPollOptions.Table("dy_xx", "gxsj", "dyid")), 100, 200), context);
    wrong.start();
    try {
      SourceStatus status = Await.until("the source to fail", PATIENCE, wrong::status, s -> s.state() == SourceStatus.State.failed);
      assertThat(status.lastError()).contains("dy_xx").contains("check the table and column names in connectors/zzb.yaml");
    } finally {
      wrong.stop();
    }
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (c; Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static Connection pg(String db) throws Exception {
    return DriverManager.getConnection(ItServices.postgres().jdbcUrl(db), "postgres", "postgres");
  }

  static Connection maria(String db) throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + db, "root", "");
  }
}
