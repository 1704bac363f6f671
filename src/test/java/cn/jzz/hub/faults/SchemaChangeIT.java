package cn.jzz.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.bench.ChangeDriver;
import cn.jzz.hub.bench.KafkaLag;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The department changes its table under the hub: a new column (harmless), then a mapped column
 * renamed. The reconciliation must notice the drift (persons whose records no longer match the
 * source through the active mapping), and once the mapping follows the rename, a re-sync repairs them.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaChangeIT {

  @TempDir static Path dir;
  private static FaultHarness h;

  @BeforeAll
  static void world() throws Exception {
    FaultHarness.requireFaultsFlag();
    h = new FaultHarness("schema", 2000, dir);
    h.startAndAwaitUp();
    h.awaitIndexCountAtLeast(h.world.expected());
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @Order(1)
  void aNewColumnChangesNothing() throws Exception {
    h.world.execute("ALTER TABLE rk_jbxx ADD COLUMN bz varchar(50)");
    h.world.execute("UPDATE rk_jbxx SET bz = '新列' WHERE ryid % 7 = 0");
    ChangeDriver driver = h.changes(30, 4_000, "新列");
    driver.run();
    h.awaitMarkersSearchable(driver);
    h.awaitConsistent();
  }

  @Test
  @Order(2)
  void aRenamedMappedColumnIsReportedAsDriftAndRepairedOnceTheMappingFollows() throws Exception {
    h.world.execute("ALTER TABLE rk_jbxx RENAME COLUMN xm TO xm_new");
    // rows changed after the rename reach the hub without the column its mapping reads
    h.world.execute("UPDATE rk_jbxx SET xm_new = '更名' || ryid, gxsj = localtimestamp WHERE ryid % 13 = 0");
    try (KafkaLag lag = new KafkaLag(ItServices.kafkaBootstrap(), List.of(h.namespace, h.namespace + "-indexer"))) {
      Await.until("the renamed rows to pass the pipeline", FaultHarness.PATIENCE, lag::lag, l -> l == 0);
    }
    JsonNode drift = h.hub().post("/api/v1/reconcile", Map.of("max_ids", 5)).ok().json();
    assertThat(drift.path("consistent").asBoolean()).as("the rename makes the mapped names unreadable").isFalse();
    assertThat(drift.path("mismatched").path("stale").asLong()).isPositive();
    JsonNode gaj = drift.path("sources").path("gaj");
    assertThat(gaj.path("stale").asLong()).isPositive();
    gaj.path("person_ids").forEach(id -> assertThat(id.asText()).as("persons are named by person_id, never by ID number").startsWith("p").doesNotContainPattern("\\d{17}[\\dXx]"));

    Path mappings = dir.resolve("mappings-v2");
    Files.createDirectories(mappings);
    Files.writeString(mappings.resolve("gaj.yaml"), followRename(Files.readString(Path.of("mappings/gaj.yaml"))));
    h.hub().stop();
    h.useMappings(mappings);
    h.startAndAwaitUp();
    JsonNode resync = h.hub().post("/api/v1/reconcile", Map.of("resync", true)).ok().json();
    assertThat(resync.path("resync").path("republished").asLong()).as("the rows whose names the old mapping dropped").isPositive();
    h.awaitConsistent();
    long renamed = h.es.json("POST", "/" + h.alias() + "/_count", Map.of("query", Map.of("prefix", Map.of("full_name.keyword", "更名")))).ok().json().path("count").asLong();
    assertThat(renamed).as("names written after the rename are searchable").isPositive();
  }

  /** The gaj mapping with rk_jbxx's name read from the renamed column, as a new version. */
  static String followRename(String yaml) {
    Matcher version = Pattern.compile("(?m)^version: (\\d+)$").matcher(yaml);
    if (!version.find()) {
      throw new IllegalStateException("mappings/gaj.yaml has no 'version: N' line; adapt SchemaChangeIT.followRename");
    }
    String bumped = version.replaceFirst("version: " + (Integer.parseInt(version.group(1)) + 1));
    int entity = bumped.indexOf("rk_jbxx:");
    int from = bumped.indexOf("from: xm", entity);
    int end = from + "from: xm".length();
    if (entity < 0 || from < 0 || Character.isLetterOrDigit(bumped.charAt(end)) || bumped.charAt(end) == '_') {
      throw new IllegalStateException("mappings/gaj.yaml does not read rk_jbxx's name 'from: xm'; adapt SchemaChangeIT.followRename");
    }
    return bumped.substring(0, from) + "from: xm_new" + bumped.substring(end);
  }
}
