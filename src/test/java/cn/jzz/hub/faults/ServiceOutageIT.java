package cn.jzz.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.bench.ChangeDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch stopped for a minute, and the Kafka broker restarted, while the departments keep
 * changing: the hub waits, retries and catches up; nothing is lost or left stale.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceOutageIT {

  @TempDir static Path dir;
  private static FaultHarness h;

  @BeforeAll
  static void world() throws Exception {
    FaultHarness.requireFaultsFlag();
    FaultHarness.servicesDir();
    h = new FaultHarness("outage", 3000, dir);
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
  void elasticsearchStoppedForAMinuteUnderChange() throws Exception {
    ChangeDriver driver = h.changes(20, 80_000, "停搜");
    Thread changes = new Thread(driver, "changes");
    changes.start();
    Thread.sleep(10_000);
    FaultHarness.stopElasticsearch();
    try {
      Thread.sleep(60_000);
      assertThat(h.hub().alive()).as("the hub survives a minute without Elasticsearch").isTrue();
    } finally {
      FaultHarness.startElasticsearch();
    }
    changes.join();
    assertThat(driver.failure()).isNull();
    h.awaitMarkersSearchable(driver);
    h.awaitConsistent();
  }

  @Test
  @Order(2)
  void kafkaBrokerRestartedUnderChange() throws Exception {
    ChangeDriver driver = h.changes(20, 40_000, "重启");
    Thread changes = new Thread(driver, "changes");
    changes.start();
    Thread.sleep(10_000);
    FaultHarness.restartKafka();
    changes.join();
    assertThat(driver.failure()).isNull();
    assertThat(h.hub().alive()).as("the hub survives a broker restart").isTrue();
    h.awaitMarkersSearchable(driver);
    h.awaitConsistent();
  }
}
