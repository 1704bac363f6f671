package cn.jzz.hub.connector.rest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorFixtures;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RawTopic;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceStatus;
import cn.jzz.hub.sim.api.IshandongApiSimulator;
import cn.jzz.hub.sim.api.WjwApiSimulator;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST route {@code ingest.<source>} against the simulated APIs and the test broker: a first pass
 * reads everything (through 503s), the next reads changes since the watermark, a restart resumes from
 * the stored watermark; a refused signature fails the source for good. (429 and the client-side rate
 * limit: RestSimulatorsTest.)
 */
class RestPollIT {

  private static final String NS = "itcont" + Long.toHexString(System.nanoTime()).substring(6);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path data;
  private DefaultCamelContext camel;
  private KafkaProducer<String, String> producer;
  private ConnectorContext context;

  @BeforeEach
  void setUp() {
    camel = new DefaultCamelContext();
    camel.start();
    producer = RawTopic.producer();
    context = ConnectorFixtures.context(ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS), producer, camel,
        ConnectorFixtures.placeholders(Map.of("hub.sources.wjw.client-secret", "wjw-secret", "hub.sources.ishandong.client-secret", "isd-secret")));
  }

  @AfterEach
  void tearDown() {
    producer.close();
    camel.stop();
  }

  private static Map<String, Object> record(int i, String status, String updatedAt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("idCard", String.format("370811199001%06d", i));
    r.put("name", "某" + i);
    r.put("healthStatus", status);
    r.put("chronic", List.of("高血压"));
    r.put("familyDoctorSigned", true);
    r.put("updatedAt", updatedAt);
    return r;
  }

  private RestPollOptions wjwOptions(String baseUrl) {
    return new RestPollOptions(baseUrl, new RestPollOptions.Auth("bearer-token", "hub", "${hub.sources.wjw.client-secret}", null),
        new RestPollOptions.Paging("offset", 50), new RestPollOptions.WatermarkParam("updatedSince", "iso-offset", null),
        List.of(new RestPollOptions.Resource("health-records", "/api/v1/health-records", List.of("idCard"), "updatedAt")), 50.0, 8, 300, 5000);
  }

  @Test
  void wjwFirstPassThrough503sThenChangesSinceTheWatermarkThenAResumeAfterRestart() throws Exception {
    try (WjwApiSimulator wjw = new WjwApiSimulator(0, "hub", "wjw-secret", 42).start(); RawTopic topic = new RawTopic(NS + ".raw.wjw")) {
      List<Map<String, Object>> records = new ArrayList<>();
      for (int i = 0; i < 450; i++) {
        records.add(record(i, "良好", "2026-11-20T10:00:00+08:00"));
      }
      wjw.dataset(records);
      wjw.unavailableRate(0.5);
      SourceConnector connector = new RestPollConnectorType().create("wjw", wjwOptions(wjw.baseUrl()), context);
      connector.start();
      try {
      List<RawEvent> first = Await.until("the first pass", PATIENCE, topic::all, e -> e.size() >= 450);
      assertThat(first).extracting(RawEvent::key).doesNotHaveDuplicates().allMatch(k -> k.matches("h[0-9a-f]{32}"));
      assertThat(first.get(0).after()).containsEntry("chronic", List.of("高血压")).containsEntry("familyDoctorSigned", true);
      assertThat(first.get(0).sourceTime()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
      assertThat(wjw.unavailableServed()).isPositive();

      records.set(7, record(7, "慢性病", "2026-11-21T09:30:00+08:00"));
      records.add(record(999, "一般", "2026-11-21T09:30:00+08:00"));
      wjw.dataset(records);
      // A pass under way while the dataset changes may see 某7's change only on its next pass.
      List<RawEvent> changes = Await.until("the changes", PATIENCE, topic::all, e -> e.stream().anyMatch(x -> "某999".equals(x.after().get("name")))
          && e.stream().anyMatch(x -> "慢性病".equals(x.after().get("healthStatus"))));
      Thread.sleep(1000); // several more passes: nothing unchanged is published again
      changes = topic.all();
      List<RawEvent> afterFirst = changes.subList(450, changes.size());
      assertThat(afterFirst).extracting(e -> e.after().get("name")).containsOnly("某7", "某999");
      assertThat(afterFirst).filteredOn(e -> "某7".equals(e.after().get("name"))).allSatisfy(e -> assertThat(e.after()).containsEntry("healthStatus", "慢性病"));

      connector.stop();
      int published = topic.all().size();
      records.add(record(1000, "良好", "2026-11-22T08:00:00+08:00"));
      wjw.dataset(records);
      connector = new RestPollConnectorType().create("wjw", wjwOptions(wjw.baseUrl()), context);
      connector.start();
      List<RawEvent> resumed = Await.until("the record added while stopped", PATIENCE, topic::all, e -> e.stream().anyMatch(x -> "某1000".equals(x.after().get("name"))));
      assertThat(resumed.subList(published, resumed.size())).as("the restart asks from the stored watermark, not from the start")
          .extracting(e -> e.after().get("name")).doesNotContain("某0", "某1", "某449");
      } finally {
        connector.stop();
      }
    }
  }

  @Test
  void ishandongIsReadInSignedPagesAndABadSecretFailsTheSourceForGood() throws Exception {
    try (IshandongApiSimulator gateway = new IshandongApiSimulator(0, "hub", "isd-secret").start(); RawTopic topic = new RawTopic(NS + ".raw.ishandong")) {
      List<Map<String, Object>> declarations = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        declarations.add(Map.of("SFZHM", String.format("370811199001%06d", i), "XM", "某" + i, "LXDH", "13800000000", "XZZ", "任城区", "JJLXR", "", "SBSJ", "20261120", "SHZT", "1"));
      }
      gateway.dataset("jmzzsb", declarations);
      RestPollOptions options = new RestPollOptions(gateway.baseUrl(), new RestPollOptions.Auth("hmac-headers", "hub", "${hub.sources.ishandong.client-secret}", null),
          new RestPollOptions.Paging("page", 5), new RestPollOptions.WatermarkParam("updateTimeStart", "yyyyMMddHHmmss", 300),
          List.of(new RestPollOptions.Resource("jmzzsb", "/gateway/api/1/jmzzsb", List.of("SFZHM", "SBSJ"), null)), 40.0, 10, 60_000, 5000);
      SourceConnector connector = new RestPollConnectorType().create("ishandong", options, context);
      connector.start();
      List<RawEvent> all = Await.until("24 pages of 5", PATIENCE, topic::all, e -> e.size() >= 120);
      assertThat(all).extracting(RawEvent::key).doesNotHaveDuplicates();
      assertThat(all.get(0).after()).containsEntry("SHZT", "1").containsEntry("SBSJ", "20261120");
      // The gateway's 10/s quota answers some of the 40/s pages with 10004: retried, then running again.
      Await.until("the source to run", PATIENCE, connector::status, s -> s.state() == SourceStatus.State.running);
      assertThat(gateway.rateLimited()).isPositive();
      connector.stop();

      ConnectorContext wrongSecret = ConnectorFixtures.context(ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS), producer, camel,
          ConnectorFixtures.placeholders(Map.of("hub.sources.ishandong.client-secret", "guessed")));
      // polled every 100 ms, so the pause below spans several passes a failed source must not make
      RestPollOptions often = new RestPollOptions(options.baseUrl(), options.auth(), options.paging(), options.watermark(), options.resources(),
          options.rateLimitPerSecond(), options.maxRetries(), 100, options.timeoutMs());
      SourceConnector refused = new RestPollConnectorType().create("ishandong", often, wrongSecret);
      refused.start();
      SourceStatus failed = Await.until("the source to fail", PATIENCE, refused::status, s -> s.state() == SourceStatus.State.failed);
      assertThat(failed.lastError()).contains("10002 令牌无效").contains("hub.sources.ishandong.client-secret");
      long requests = gateway.requests();
      Thread.sleep(500);
      assertThat(gateway.requests()).isEqualTo(requests);
      refused.stop();
    }
  }

  @Test
  void aMissingSecretFailsTheSourceNamingTheVariableToSet() throws Exception {
    ConnectorContext noSecret = ConnectorFixtures.context(ConnectorFixtures.properties(data, ItServices.kafkaBootstrap(), NS), producer, camel, ConnectorFixtures.placeholders(Map.of()));
    SourceConnector connector = new RestPollConnectorType().create("wjw", wjwOptions("http://127.0.0.1:9"), noSecret);
    connector.start();
    assertThat(connector.status().state()).isEqualTo(SourceStatus.State.failed);
    assertThat(connector.status().lastError()).contains("set hub.sources.wjw.client-secret (env HUB_SOURCES_WJW_CLIENT_SECRET)");
    connector.stop();
  }
}
