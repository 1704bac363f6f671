package cn.jzz.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.SourceStatus.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceMonitorTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SourceMonitors monitors = new SourceMonitors(meters, Clock.fixed(Instant.parse("2026-11-20T02:01:00Z"), ZoneOffset.UTC));

  private static RawEvent event(String key, String at) {
    return new RawEvent("ybj", "v_yb_cbxx", "r", key, null, null, Instant.parse(at), "p");
  }

  @Test
  void publishedEventsAreCountedAndTheNewestSourceTimeGivesTheAge() {
    SourceMonitor monitor = monitors.of("ybj", "jdbc-poll");
    monitor.starting();
    monitor.published(List.of(event("1", "2026-11-20T02:00:00Z"), event("2", "2026-11-20T01:00:00Z")));
    assertThat(meters.get("hub.ingest.events").tag("source", "ybj").counter().count()).isEqualTo(2);
    assertThat(meters.get("hub.ingest.last.event.age").tag("source", "ybj").gauge().value()).isEqualTo(60.0);
    SourceStatus status = monitor.status();
    assertThat(status.state()).isEqualTo(State.running);
    assertThat(status.eventsRead()).isEqualTo(2);
    assertThat(status.lastEventTime()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
    assertThat(monitors.of("ybj", "jdbc-poll")).as("one monitor per source for the hub's life").isSameAs(monitor);
  }

  @Test
  void aTransientErrorShowsRetryingUntilReadingWorksAgainButFailedStaysFailed() {
    SourceMonitor monitor = monitors.of("wjw", "rest");
    monitor.retrying("503 from /api/v1/health-records");
    assertThat(monitor.status().state()).isEqualTo(State.retrying);
    assertThat(monitor.status().lastError()).contains("503");
    monitor.running();
    assertThat(monitor.status().state()).isEqualTo(State.running);
    assertThat(monitor.status().lastError()).isNull();
    monitor.failed("10002 令牌无效");
    monitor.running();
    monitor.retrying("later");
    assertThat(monitor.status().state()).isEqualTo(State.failed);
    assertThat(meters.get("hub.ingest.errors").tag("source", "wjw").counter().count()).isEqualTo(3);
  }

  @Test
  void aRefusedFileKeepsTheSourceRunningAndItsReasonVisible() {
    SourceMonitor monitor = monitors.of("clj", "file");
    monitor.running();
    monitor.rejected("bad.csv moved to failed/: not valid GBK");
    monitor.running();
    assertThat(monitor.status().state()).isEqualTo(State.running);
    assertThat(monitor.status().lastError()).contains("bad.csv");
  }
}
