package cn.jzz.hub.connector.rest;

import cn.jzz.hub.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.sim.api.IshandongApiSimulator;
import cn.jzz.hub.sim.api.WjwApiSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST client's auth, retries and rate limit against the two simulated APIs (in-process WireMock
 * servers on free ports): what the hub sends is checked by an independent implementation.
 */
class RestSimulatorsTest {

  private static DefaultCamelContext camel;
  private static WjwApiSimulator wjw;
  private static IshandongApiSimulator ishandong;

  @BeforeAll
  static void start() {
    camel = new DefaultCamelContext();
    camel.start();
    wjw = new WjwApiSimulator(0, "hub", "wjw-secret", 7).start();
    ishandong = new IshandongApiSimulator(0, "hub", "isd-secret").start();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("idCard", "ID" + i);
      r.put("name", "某" + i);
      r.put("chronic", List.of("高血压"));
      r.put("familyDoctorSigned", i % 2 == 0);
      r.put("updatedAt", "2026-11-20T10:" + String.format("%02d", i % 60) + ":00+08:00");
      records.add(r);
    }
    wjw.dataset(records);
    List<Map<String, Object>> deaths = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      deaths.add(Map.of("SFZHM", "ID" + i, "XM", "某" + i, "SWRQ", "202611" + String.format("%02d", 1 + i % 28), "XXLY", "民政"));
    }
    ishandong.dataset("swxx", deaths);
  }

  @AfterAll
  static void stop() {
    wjw.close();
    ishandong.close();
    camel.stop();
  }

  private static RestClient client(String baseUrl, AuthStrategy auth, double perSecond) {
    return new RestClient("test", new CamelHttpTransport(camel, baseUrl, 5000), auth, new RateLimiter(perSecond), 8, Thread::sleep, () -> false, reason -> {});
  }

  @Test
  void theBearerTokenIsReusedRenewedBeforeExpiryAndFetchedAgainAfterA401() throws Exception {
    MutableClock hubClock = new MutableClock();
    long issued = wjw.tokensIssued();
    RestClient client = client(wjw.baseUrl(), new BearerTokenAuth("wjw", null, "hub", "wjw-secret", hubClock), 50);
    JsonNode first = client.get("/api/v1/health-records", Map.of("offset", "0", "limit", "500"));
    assertThat(first.path("items")).hasSize(500);
    assertThat(first.path("total").asInt()).isEqualTo(1200);
    assertThat(first.path("nextOffset").asInt()).isEqualTo(500);
    client.get("/api/v1/health-records", Map.of("offset", "500", "limit", "500"));
    assertThat(wjw.tokensIssued() - issued).as("one token for both requests").isEqualTo(1);

    hubClock.advance(Duration.ofMinutes(29).plusSeconds(30));
    client.get("/api/v1/health-records", Map.of("offset", "0", "limit", "1"));
    assertThat(wjw.tokensIssued() - issued).as("renewed a minute before expiry").isEqualTo(2);

    wjw.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31)));
    try {
      client.get("/api/v1/health-records", Map.of("offset", "0", "limit", "1"));
      assertThat(wjw.tokensIssued() - issued).as("the API expired the token first: 401, then a new one").isEqualTo(3);
    } finally {
      wjw.clock(Clock.systemUTC());
    }
  }

  @Test
  void aWrongClientSecretIsAPermanentError() {
    RestClient client = client(wjw.baseUrl(), new BearerTokenAuth("wjw", null, "hub", "wrong", Clock.systemUTC()), 50);
    assertThatThrownBy(() -> client.get("/api/v1/health-records", Map.of("offset", "0", "limit", "1")))
        .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("refused client 'hub'");
  }

  @Test
  void http503IsRetriedWithBackoffUntilTheAnswerComes() throws Exception {
    wjw.unavailableRate(0.4);
    try {
      RestClient client = client(wjw.baseUrl(), new BearerTokenAuth("wjw", null, "hub", "wjw-secret", Clock.systemUTC()), 50);
      long served = wjw.unavailableServed();
      for (int offset = 0; offset < 1200; offset += 200) {
        assertThat(client.get("/api/v1/health-records", Map.of("offset", String.valueOf(offset), "limit", "200")).path("items")).hasSize(200);
      }
      assertThat(wjw.unavailableServed()).isGreaterThan(served);
      assertThat(client.retries()).isEqualTo(wjw.unavailableServed() - served);
    } finally {
      wjw.unavailableRate(0);
    }
  }

  @Test
  void signedRequestsAreAcceptedAndAWrongSecretIsAPermanentError() throws Exception {
    RestClient client = client(ishandong.baseUrl(), new HmacHeadersAuth("hub", "isd-secret", Clock.systemUTC()), 8);
    JsonNode page = client.get("/gateway/api/1/swxx", Map.of("PAGE", "2", "PAGENUM", "20", "updateTimeStart", "20261101000000"));
    assertThat(page.path("code").asInt()).isEqualTo(200);
    assertThat(page.path("data").path("total").asInt()).isEqualTo(30);
    assertThat(page.path("data").path("rows")).hasSize(10);

    RestClient forged = client(ishandong.baseUrl(), new HmacHeadersAuth("hub", "guessed", Clock.systemUTC()), 8);
    assertThatThrownBy(() -> forged.get("/gateway/api/1/swxx", Map.of("PAGE", "1", "PAGENUM", "10")))
        .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("10002 令牌无效");
  }

  @Test
  void aReplayedNonceAndAStaleTimestampAreRefused() throws Exception {
    CamelHttpTransport transport = new CamelHttpTransport(camel, ishandong.baseUrl(), 5000);
    Map<String, String> headers = new HmacHeadersAuth("hub", "isd-secret", Clock.systemUTC()).headers(null);
    HttpTransport.Request request = new HttpTransport.Request("GET", "/gateway/api/1/swxx", "PAGE=1&PAGENUM=1", headers, null);
    assertThat(transport.send(request).body()).contains("\"code\":200");
    assertThat(transport.send(request).body()).contains("\"code\":10002");

    Clock stale = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-11));
    Map<String, String> old = new HmacHeadersAuth("hub", "isd-secret", stale).headers(null);
    assertThat(transport.send(new HttpTransport.Request("GET", "/gateway/api/1/swxx", "PAGE=1&PAGENUM=1", old, null)).body()).contains("\"code\":10002");
    assertThat(transport.send(new HttpTransport.Request("GET", "/gateway/api/1/swxx", "PAGE=1&PAGENUM=1001",
        new HmacHeadersAuth("hub", "isd-secret", Clock.systemUTC()).headers(null), null)).status()).isEqualTo(400);
  }

  @Test
  void overTheGatewaysRateA429IsRetriedAndUnderTheClientLimitNoneHappens() throws Exception {
    Thread.sleep(1100); // a fresh one-second window for this client
    long limitedBefore = ishandong.rateLimited();
    // Bursts from eight clients of the same app at once, so that the gateway's per-second limit is crossed
    // however slowly a loaded machine serves each request; bounded, so a gateway that never limits fails.
    List<RestClient> greedy = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      greedy.add(client(ishandong.baseUrl(), new HmacHeadersAuth("hub", "isd-secret", Clock.systemUTC()), 200));
    }
    for (int burst = 0; burst < 20 && ishandong.rateLimited() == limitedBefore; burst++) {
      ExecutorService pool = Executors.newFixedThreadPool(greedy.size());
      List<Future<List<JsonNode>>> answers = new ArrayList<>();
      for (RestClient client : greedy) {
        answers.add(pool.submit(() -> {
          List<JsonNode> rows = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            rows.add(client.get("/gateway/api/1/swxx", Map.of("PAGE", "1", "PAGENUM", "5")).path("data").path("rows"));
          }
          return rows;
        }));
      }
      pool.shutdown();
      for (Future<List<JsonNode>> answer : answers) {
        assertThat(answer.get()).allSatisfy(rows -> assertThat(rows).hasSize(5));
      }
    }
    assertThat(ishandong.rateLimited()).isGreaterThan(limitedBefore);
    assertThat(greedy.stream().mapToLong(RestClient::retries).sum()).isGreaterThan(0);

    Thread.sleep(1100);
    long limited = ishandong.rateLimited();
    RestClient polite = client(ishandong.baseUrl(), new HmacHeadersAuth("hub", "isd-secret", Clock.systemUTC()), 8);
    for (int i = 0; i < 20; i++) {
      polite.get("/gateway/api/1/swxx", Map.of("PAGE", "1", "PAGENUM", "5"));
    }
    assertThat(ishandong.rateLimited()).isEqualTo(limited);
    assertThat(polite.retries()).isZero();
  }

  @Test
  void theSignatureIsBase64OfHmacSha256OverIdTimestampAndNonce() {
    // computed independently: printf 'hub1700000000000abc' | openssl dgst -sha256 -hmac secret -binary | base64
    assertThat(HmacSigner.sign("secret", "hub", "1700000000000", "abc")).isEqualTo("9LUhguLr/OA3wcD2whtKxpPpMZNJiPTYaPQHVZAOv0k=");
  }
}
