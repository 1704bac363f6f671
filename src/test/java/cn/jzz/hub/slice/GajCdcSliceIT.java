package cn.jzz.hub.slice;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.jzz.hub.identity.IdNumbers.checkCharacter;

import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.GajWorld;
import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.TestHub;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation slice on the real services: gaj in PostgreSQL → Debezium CDC → Kafka → normalize →
 * merge → Elasticsearch → the search API, including a hub restart with changes made while it was down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GajCdcSliceIT {

  private static final String NS = "it" + Long.toHexString(System.nanoTime()).substring(4);
  private static final String DATABASE = "dept_gaj_" + NS;
  private static final String SLOT = "hub_gaj_" + NS;
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @TempDir static Path dataDir;
  @TempDir static Path connectorsDir;
  private static Set<String> accepted;
  private static Map<String, Object> properties;
  private static TestHub hub;
  private static int expectedTotal;
  private static List<SimPerson> people;

  @BeforeAll
  static void buildTheDepartmentAndStartTheHub() throws Exception {
    GajWorld.Loaded world = GajWorld.load(DATABASE, SLOT, 7, 400);
    people = world.people();
    GajSystem.Written written = world.written();
    accepted = written.acceptedIds();
    expectedTotal = accepted.size();
    Files.writeString(
        connectorsDir.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + DATABASE + "\n  tables: [rk_jbxx, ldrk_djxx]\n  slot: " + SLOT + "\n  publication: " + SLOT + "\n");
    properties = TestHub.properties(NS, dataDir, connectorsDir);
    hub = TestHub.start(properties);
    awaitIndexed(expectedTotal);
  }

  @AfterAll
  static void stop() throws Exception {
    if (hub != null) {
      hub.close();
    }
    ItServices.dropDepartment(DATABASE, SLOT);
  }

  @Test
  @Order(1)
  void theInitialLoadIndexesEveryValidResidentAndSearchFindsThem() throws Exception {
    Set<String> statuses = Set.of("在册", "死亡", "迁出", "注销");
    JsonNode all = hub.post("/api/v1/residents/search", "{\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"],\"size\":1000}");
    assertThat(all.path("total").asInt()).isEqualTo(expectedTotal);
    Set<String> ids = new HashSet<>();
    all.path("items").forEach(item -> {
      ids.add(item.path("id_number").asText());
      assertThat(statuses).contains(item.path("status").asText());
    });
    assertThat(ids).isEqualTo(accepted);
    long registeredAlive = people.stream().filter(p -> ids.contains(p.idNumber()) && p.status().equals("0")).count();
    JsonNode defaults = hub.post("/api/v1/residents/search", "{\"size\":0}");
    assertThat(defaults.path("total").asLong()).as("default search shows 在册 only").isEqualTo(registeredAlive);

    SimPerson someone = people.stream().filter(p -> ids.contains(p.idNumber()) && p.status().equals("0")).findFirst().orElseThrow();
    JsonNode byName = hub.post("/api/v1/residents/search", "{\"text\":\"" + someone.name() + "\",\"size\":100}");
    assertThat(byName.path("items").findValuesAsText("id_number")).contains(someone.idNumber());
  }

  @Test
  @Order(2)
  void rowsInsertedUpdatedAndDeletedWhileRunningReachTheIndex() throws Exception {
    String id = "110105194912310021".substring(0, 17);
    String newcomer = id + checkCharacter(id);
    execute("INSERT INTO rk_jbxx (ryid, gmsfhm, xm, xb, csrq) VALUES (9000001, '" + newcomer + "', '新来者', '2', '19491231')");
    awaitName(newcomer, "新来者");
    execute("UPDATE rk_jbxx SET xm = '新来者乙' WHERE ryid = 9000001");
    awaitName(newcomer, "新来者乙");
    execute("DELETE FROM rk_jbxx WHERE ryid = 9000001");
    awaitIndexed(expectedTotal);
    assertThat(findById(newcomer)).isNull();
  }

  @Test
  @Order(3)
  void changesMadeWhileTheHubIsDownArriveAfterRestartNoneLostNoneDoubled() throws Exception {
    hub.close();
    hub = null;
    String id = "37081119800101123";
    String newcomer = id + checkCharacter(id);
    SimPerson renamed = people.stream().filter(p -> p.registered() && accepted.contains(p.idNumber())).findFirst().orElseThrow();
    SimPerson removed = people.stream().filter(p -> p.registered() && accepted.contains(p.idNumber()) && p != renamed).skip(3).findFirst().orElseThrow();
    execute("INSERT INTO rk_jbxx (ryid, gmsfhm, xm, xb, csrq) VALUES (9000002, '" + newcomer + "', '停机时来', '1', '19800101')");
    execute("UPDATE rk_jbxx SET xm = '停机时改' WHERE ryid = " + (1_000_000 + renamed.seq()));
    execute("DELETE FROM rk_jbxx WHERE ryid = " + (1_000_000 + removed.seq()));

    hub = TestHub.start(properties);
    awaitName(newcomer, "停机时来");
    awaitName(renamed.idNumber(), "停机时改");
    Await.until("the deleted resident to leave the index", PATIENCE, () -> findById(removed.idNumber()), doc -> doc == null);
    awaitIndexed(expectedTotal);
    JsonNode all = hub.post("/api/v1/residents/search", "{\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"],\"size\":1000}");
    List<String> ids = all.path("items").findValuesAsText("id_number");
    assertThat(ids).doesNotHaveDuplicates().contains(newcomer).doesNotContain(removed.idNumber());
  }

  @Test
  @Order(4)
  void aFullRebuildSwapsTheAliasWithoutLosingAChangeMadeMeanwhile() throws Exception {
    JsonNode started = hub.post("/api/v1/index/rebuild", "{}");
    assertThat(started.path("state").asText()).isEqualTo("running");
    String id = "37081119750505123";
    String during = id + checkCharacter(id);
    execute("INSERT INTO rk_jbxx (ryid, gmsfhm, xm, xb, csrq) VALUES (9000003, '" + during + "', '重建期间', '1', '19750505')");
    JsonNode done = Await.until("the rebuild to finish", PATIENCE, () -> hub.get("/api/v1/index/rebuild"), s -> !s.path("state").asText().equals("running"));
    assertThat(done.path("state").asText()).isEqualTo("done");
    assertThat(done.path("to_index").asText()).isEqualTo(NS + "-residents-v2");
    awaitName(during, "重建期间");
    awaitIndexed(expectedTotal + 1);
  }

  @Test
  @Order(5)
  void anExportOfEveryoneMatchesTheSearchRowForRowWhileChangesFlow() throws Exception {
    JsonNode search = hub.post("/api/v1/residents/search", "{\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"],\"size\":1000}");
    Set<String> expected = new HashSet<>(search.path("items").findValuesAsText("person_id"));
    assertThat(expected).hasSize(search.path("total").asInt());
    java.util.concurrent.atomic.AtomicBoolean flowing = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread changes = new Thread(() -> {
      // Renames change records but not who is in the population, so the export's set must stay exact.
      for (int i = 0; flowing.get(); i++) {
        SimPerson p = people.get(i % people.size());
        try {
          execute("UPDATE rk_jbxx SET xm = '" + p.name() + (i % 2 == 0 ? "甲" : "") + "' WHERE ryid = " + (1_000_000 + p.seq()));
          Thread.sleep(20);
        } catch (Exception e) {
          return;
        }
      }
    });
    changes.start();
    try {
      for (String format : List.of("csv", "xlsx")) {
        JsonNode job = hub.post("/api/v1/exports", "{\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"],\"format\":\"" + format + "\",\"columns\":[\"person_id\",\"full_name\"]}");
        String id = job.path("export_id").asText();
        JsonNode done = Await.until(format + " export " + id, PATIENCE, () -> hub.get("/api/v1/exports/" + id), s -> s.path("state").asText().matches("done|failed"));
        assertThat(done.path("state").asText()).isEqualTo("done");
        List<String> rows = personIds(format, hub.getBytes("/api/v1/exports/" + id + "/file"));
        assertThat(rows).as(format + ": no duplicates").doesNotHaveDuplicates();
        assertThat(new HashSet<>(rows)).as(format + ": exactly the search's people").isEqualTo(expected);
        assertThat(done.path("rows_written").asLong()).isEqualTo(expected.size());
      }
    } finally {
      flowing.set(false);
      changes.join();
    }
  }

  /** The person ids in an export file, in order; person ids are the only cells of their form. */
  private static List<String> personIds(String format, byte[] file) throws Exception {
    java.util.regex.Pattern personId = java.util.regex.Pattern.compile("p[0-9a-f]{32}");
    List<String> ids = new java.util.ArrayList<>();
    if (format.equals("csv")) {
      String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).as("UTF-8 with BOM").startsWith("\uFEFF");
      for (String line : text.split("\r?\n")) {
        for (String cell : line.split(",")) {
          String value = cell.replace("\"", "").strip();
          if (personId.matcher(value).matches()) {
            ids.add(value);
          }
        }
      }
    } else {
      try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
        for (var sheet : workbook) {
          for (var row : sheet) {
            for (var cell : row) {
              String value = cell.toString().strip();
              if (personId.matcher(value).matches()) {
                ids.add(value);
              }
            }
          }
        }
      }
    }
    return ids;
  }

  private static void awaitIndexed(long expected) throws Exception {
    ResidentIndex index = hub.bean(ResidentIndex.class);
    Await.until("the index to hold " + expected + " residents", PATIENCE, () -> {
      index.refresh();
      return index.count();
    }, count -> count == expected);
  }

  private static void awaitName(String idNumber, String name) throws Exception {
    Await.until(idNumber.substring(0, 6) + "… to be named " + name, PATIENCE, () -> findById(idNumber), doc -> doc != null && name.equals(doc.path("full_name").asText()));
  }

  private static JsonNode findById(String idNumber) throws Exception {
    JsonNode result = hub.post("/api/v1/residents/search", "{\"filters\":[{\"field\":\"id_number\",\"op\":\"eq\",\"value\":\"" + idNumber + "\"}],\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"]}");
    return result.path("total").asInt() == 0 ? null : result.path("items").get(0);
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = gaj(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Connection gaj() throws Exception {
    return DriverManager.getConnection(ItServices.postgres().jdbcUrl(DATABASE) + "?reWriteBatchedInserts=true", "postgres", "postgres");
  }
}
