package cn.jzz.hub.connector.camel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorFixtures;
import cn.jzz.hub.connector.SourceStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling trigger under the REST and JDBC connectors: every start runs its first pass at once. */
class CamelSourceConnectorTest {

  @TempDir Path data;
  private DefaultCamelContext camel;
  private ConnectorContext context;

  @BeforeEach
  void setUp() {
    camel = new DefaultCamelContext();
    camel.start();
    context = ConnectorFixtures.context(ConnectorFixtures.properties(data, "127.0.0.1:9", "unit"), ConnectorFixtures.mockProducer(), camel,
        ConnectorFixtures.placeholders(Map.of()));
  }

  @AfterEach
  void tearDown() {
    camel.stop();
  }

  /** Counts its passes; polls once an hour, so only the first pass of each start can be seen. */
  private static final class HourlyPoller extends CamelSourceConnector {
    volatile CountDownLatch firstPass = new CountDownLatch(1);

    HourlyPoller(ConnectorContext context) {
      super("unit", "test", context);
    }

    @Override
    protected String fromUri() {
      return pollUri(3_600_000);
    }

    @Override
    protected void work(Exchange exchange) {
      firstPass.countDown();
    }
  }

  /**
   * Camel's timer consumer skips a tick that fires while the consumer is still starting; with a delay
   * of 0 that is the first tick, and the next one came a whole interval later (a REST source with a
   * 60 s interval read nothing for a minute after a restart under load). Many starts and restarts,
   * of one connector and of new ones for the same source: each must run its first pass.
   */
  @Test
  void everyStartRunsItsFirstPassWithoutWaitingAnInterval() throws Exception {
    for (int i = 0; i < 25; i++) {
      HourlyPoller poller = new HourlyPoller(context);
      for (int restart = 0; restart < 2; restart++) {
        poller.firstPass = new CountDownLatch(1);
        poller.start();
        assertThat(poller.firstPass.await(20, TimeUnit.SECONDS)).as("start %d.%d ran its first pass", i, restart).isTrue();
        poller.stop();
      }
    }
  }

  /**
   * A stop that meets a pass in flight waits for it, and the pass can finish: it once could not (the
   * pass's last step waited for the lock the stop held), so the stop sat out Camel's 30 s shutdown
   * timeout and the abandoned pass then marked the stopped source "running".
   */
  @Test
  void aStopDuringAPassLetsThePassFinishAndLeavesTheSourceStopped() throws Exception {
    CountDownLatch inPass = new CountDownLatch(1);
    CamelSourceConnector poller =
        new CamelSourceConnector("unit", "test", context) {
          @Override
          protected String fromUri() {
            return pollUri(3_600_000);
          }

          @Override
          protected void work(Exchange exchange) throws InterruptedException {
            inPass.countDown();
            while (!stopping()) {
              Thread.sleep(5);
            }
          }
        };
    poller.start();
    assertThat(inPass.await(20, TimeUnit.SECONDS)).isTrue();
    poller.stop();
    assertThat(camel.getInflightRepository().size()).as("exchanges still in flight after the stop").isZero();
    Thread.sleep(200); // where a pass abandoned by the stop would write its late status
    assertThat(poller.status().state()).isEqualTo(SourceStatus.State.stopped);
  }
}
