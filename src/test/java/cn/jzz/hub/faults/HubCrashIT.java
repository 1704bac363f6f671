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

/** SIGKILL of the hub process, during the initial load and during CDC: nothing lost, nothing doubled. */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubCrashIT {

  @TempDir static Path dir;
  private static FaultHarness h;

  @BeforeAll
  static void world() throws Exception {
    FaultHarness.requireFaultsFlag();
    h = new FaultHarness("crash", 8000, dir);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @Order(1)
  void killedDuringTheInitialLoadTheRestartedHubIndexesEveryoneOnce() throws Exception {
    h.start();
    h.awaitIndexCountAtLeast(1);
    long indexedWhenKilled = h.indexCount();
    h.hub().kill9();
    assertThat(indexedWhenKilled).as("the hub was killed in the middle of the initial load").isLessThan(h.world.expected());

    h.startAndAwaitUp();
    h.awaitConsistent();
  }

  @Test
  @Order(2)
  void killedDuringContinuousChangeTheRestartedHubMissesNoChange() throws Exception {
    ChangeDriver driver = h.changes(40, 25_000, "崩溃");
    Thread changes = new Thread(driver, "changes");
    changes.start();
    Thread.sleep(8_000);
    h.hub().kill9();
    Thread.sleep(2_000);
    h.startAndAwaitUp();
    changes.join();
    assertThat(driver.failure()).isNull();
    assertThat(driver.committed()).isNotEmpty();
    h.awaitMarkersSearchable(driver);
    h.awaitConsistent();
  }
}
