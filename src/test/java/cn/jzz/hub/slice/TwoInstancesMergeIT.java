package cn.jzz.hub.slice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.HubProcess;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hub instances share the stream stages by partition; a {@code kill -9} of one during the initial
 * load hands its partitions to the other, and the index still ends exact.
 */
class TwoInstancesMergeIT {

  private static final String NS = "it2" + Long.toHexString(System.nanoTime()).substring(5);
  private static final String DATABASE = "dept_gaj_" + NS;
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @TempDir static Path dataA;
  @TempDir static Path dataB;
  @TempDir static Path connectorsDir;
  @TempDir static Path emptyConnectorsDir;

  @AfterAll
  static void dropTheDepartment() throws Exception {
    DemoWorld.recreateDatabase(ItServices.postgres(), DATABASE, "hub_gaj_" + NS);
    try (Connection c = DriverManager.getConnection(ItServices.postgres().jdbcUrl("postgres"), "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  @Test
  void killingOneInstanceDuringTheInitialLoadLeavesTheIndexExact() throws Exception {
    GajWorld.Loaded world = GajWorld.load(DATABASE, "hub_gaj_" + NS, 11, 3000);
    List<SimPerson> people = world.people();
    Set<String> expected = world.written().acceptedIds();
    Files.writeString(
        connectorsDir.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + DATABASE + "\n  tables: [rk_jbxx, ldrk_djxx]\n  slot: hub_gaj_" + NS + "\n  publication: hub_gaj_" + NS + "\n");

    // A: a stream worker only, in its own process so it can be killed for real.
    Map<String, Object> a = new HashMap<>(TestHub.properties(NS, dataA, emptyConnectorsDir));
    a.put("hub.ingest.enabled", "false");
    a.put("hub.schemas-dir", Path.of("schemas").toAbsolutePath());
    a.put("hub.mappings-dir", Path.of("mappings").toAbsolutePath());
    a.put("logging.level.cn.jzz.hub", "INFO");
    // B: the full hub; it reads the department and takes over A's partitions.
    Map<String, Object> b = TestHub.properties(NS, dataB, connectorsDir);
    try (HubProcess first = HubProcess.start(a, Path.of("target", NS + "-a.log")).awaitStarted(PATIENCE);
        TestHub second = TestHub.start(b)) {
      ResidentIndex index = second.bean(ResidentIndex.class);
      Await.until("part of the initial load", PATIENCE, () -> {
        index.refresh();
        return index.count();
      }, count -> count > 0);
      first.kill9();
      Await.until("the index to hold all " + expected.size() + " residents after the kill", PATIENCE, () -> {
        index.refresh();
        return index.count();
      }, count -> count == expected.size());
      JsonNode all = second.post("/api/v1/residents/search", "{\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"],\"size\":1000,\"page\":1}");
      assertThat(all.path("total").asInt()).isEqualTo(expected.size());
      SimPerson someone = people.stream().filter(p -> expected.contains(p.idNumber())).findFirst().orElseThrow();
      JsonNode found = second.post("/api/v1/residents/search",
          "{\"filters\":[{\"field\":\"id_number\",\"op\":\"eq\",\"value\":\"" + someone.idNumber() + "\"}],\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"]}");
      assertThat(found.path("items").get(0).path("full_name").asText()).isEqualTo(someone.name());
    }
  }
}
