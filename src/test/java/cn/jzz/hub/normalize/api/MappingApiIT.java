package cn.jzz.hub.normalize.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.security.UserDirectory;
import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.TestHub;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping and quarantine API on the real services: a small gaj database (CDC) with three good rows
 * and one with a wrong check character; validate, preview, activate a new version, replay the source
 * under it, list the quarantine and replay a quarantined row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MappingApiIT {

  private static final String NS = "it" + Long.toHexString(System.nanoTime()).substring(6) + "_mapt";
  private static final String DATABASE = "dept_gaj_" + NS;
  private static final String SLOT = "hub_gaj_" + NS;
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String ANALYST_PASSWORD = UUID.randomUUID().toString();

  @TempDir static Path dataDir;
  @TempDir static Path connectorsDir;
  private static TestHub hub;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static String adminToken;
  private static String analystToken;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    DemoWorld.recreateDatabase(ItServices.postgres(), DATABASE, SLOT);
    try (Connection c = gaj(); Statement s = c.createStatement()) {
      GajSystem.createSchema(c);
      s.execute("INSERT INTO rk_jbxx (ryid, gmsfhm, xm, xb, csrq) VALUES (1, '370811194912310023', '甲某', '2', '19491231'),"
          + " (2, '370811198001011231', '乙某', '1', '19800101'), (3, '37080219900101123x', '丙某', '1', '19900101'),"
          + " (4, '370811194912310024', '丁某', '2', '19491231')");
    }
    Files.writeString(connectorsDir.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + DATABASE + "\n  tables: [rk_jbxx]\n  slot: " + SLOT + "\n  publication: " + SLOT + "\n");
    hub = TestHub.start(TestHub.properties(NS, dataDir, connectorsDir));
    hub.bean(UserDirectory.class).add(new Principal("analyst", Principal.Role.analyst, null), ANALYST_PASSWORD);
    port = Integer.parseInt(hub.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port"));
    adminToken = token("admin", TestHub.ADMIN_PASSWORD);
    analystToken = token("analyst", ANALYST_PASSWORD);
    awaitIndexed(3);
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
  void theRejectedRowIsInTheQuarantineWithItsReasonAndRawRowForAdminsOnly() throws Exception {
    JsonNode list = Await.until("the quarantined row to be listed", PATIENCE,
        () -> json(call("GET", "/api/v1/quarantine?source=gaj&reason=BAD_CHECK_CHARACTER", null, null, adminToken)), l -> l.path("total").asInt() == 1);
    JsonNode item = list.path("items").get(0);
    assertThat(item.path("record_key").asText()).isEqualTo("rk_jbxx:4");
    assertThat(item.path("raw").path("xm").asText()).isEqualTo("丁某");
    assertThat(item.path("mapping_version").asInt()).isEqualTo(1);
    assertThat(item.path("message").asText()).doesNotContain("370811194912310024");
    assertThat(call("GET", "/api/v1/quarantine", null, null, analystToken).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/v1/mappings", null, null, analystToken).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void validateListsEveryProblemWithPathAndLineAndSavesNothing() throws Exception {
    String bad = "source: gaj\nversion: 2\nentities:\n  rk_jbxx:\n    id_number: gmsfhm\n    fields:\n      full_nam: xm\n      sex: {from: xb, transform: [squash]}\n";
    JsonNode result = json(call("POST", "/api/v1/mappings/gaj/validate", bad, "text/plain", adminToken));
    assertThat(result.path("valid").asBoolean()).isFalse();
    assertThat(result.path("problems")).hasSize(2);
    assertThat(result.path("problems").get(0).path("path").asText()).isEqualTo("$.entities.rk_jbxx.fields.full_nam");
    assertThat(result.path("problems").get(0).path("line").asInt()).isEqualTo(7);
    assertThat(result.path("problems").get(1).path("line").asInt()).isEqualTo(8);
    JsonNode good = json(call("POST", "/api/v1/mappings/gaj/validate", Json.write(v2()), "application/json", adminToken));
    assertThat(good.path("valid").asBoolean()).as(good.toString()).isTrue();
    assertThat(json(call("GET", "/api/v1/mappings/gaj", null, null, adminToken)).path("version").asInt()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void previewShowsTheOutputOfACandidateOrTheActiveMapping() throws Exception {
    String body = "{\"mapping\": null, \"records\": [{\"entity\": \"rk_jbxx\", \"row\": {\"gmsfhm\": \"370811194912310023\", \"xm\": \" 甲某 \", \"xb\": \"2\", \"csrq\": \"19491231\", \"ryzt\": \"0\"}},"
        + " {\"entity\": \"rk_jbxx\", \"row\": {\"gmsfhm\": \"3.70811E+17\", \"xm\": \"戊某\"}}]}";
    JsonNode result = json(call("POST", "/api/v1/mappings/gaj/preview", body, "application/json", adminToken));
    assertThat(result.path("records").get(0).path("outcome").asText()).isEqualTo("accepted");
    assertThat(result.path("records").get(0).path("contributions").get(0).path("fields").path("full_name").asText()).isEqualTo("甲某");
    assertThat(result.path("records").get(1).path("reason").asText()).isEqualTo("SPREADSHEET_CORRUPTED");
    String candidate = Json.write(java.util.Map.of("mapping", v2(), "records", java.util.List.of(java.util.Map.of("entity", "rk_jbxx", "row", java.util.Map.of("gmsfhm", "370811198001011231", "xm", "乙某")))));
    JsonNode filtered = json(call("POST", "/api/v1/mappings/gaj/preview", candidate, "application/json", adminToken));
    assertThat(filtered.path("records").get(0).path("outcome").asText()).isEqualTo("filtered");
    assertThat(filtered.path("records").get(0).path("rule").asText()).isEqualTo("测试：不计入乙某");
  }

  @Test
  @Order(3)
  void previewRecordsThatAreNotObjectsAreA400NamingEachOne() throws Exception {
    String body = "{\"mapping\": null, \"records\": [5, \"x\", {\"entity\": \"rk_jbxx\", \"row\": [1]}, {\"xm\": \"甲某\"}]}";
    HttpResponse<String> response = call("POST", "/api/v1/mappings/gaj/preview", body, "application/json", adminToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    String message = json(response).path("error").path("message").asText();
    assertThat(message).contains("3 record(s)").contains("records[0] is number").contains("records[1] is string").contains("records[2].row is array");
  }

  @Test
  @Order(4)
  void putActivatesAValidNewerVersionDurablyAndRefusesAnythingElse() throws Exception {
    HttpResponse<String> stale = call("PUT", "/api/v1/mappings/gaj", Files.readString(Path.of("mappings/gaj.yaml")), "application/yaml", adminToken);
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(json(stale).path("error").path("code").asText()).isEqualTo("INVALID_MAPPING");
    HttpResponse<String> ok = call("PUT", "/api/v1/mappings/gaj", v2(), "text/plain", adminToken);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(json(ok).path("version").asInt()).isEqualTo(2);
    assertThat(dataDir.resolve("state/mappings/gaj/v2.yaml")).hasContent(v2());
    assertThat(dataDir.resolve("state/mappings/gaj/active")).hasContent("2");
    assertThat(json(call("GET", "/api/v1/mappings/gaj", null, null, adminToken)).path("versions").toString()).isEqualTo("[1,2]");
  }

  @Test
  @Order(5)
  void replayReNormalisesTheRetainedRawEventsUnderTheActiveVersion() throws Exception {
    HttpResponse<String> started = call("POST", "/api/v1/mappings/gaj/replay", "", "application/json", adminToken);
    assertThat(started.statusCode()).isEqualTo(202);
    JsonNode done = Await.until("the replay to finish", PATIENCE, () -> json(call("GET", "/api/v1/mappings/gaj/replay", null, null, adminToken)),
        p -> !p.path("state").asText().equals("running"));
    assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.path("published").asLong()).isEqualTo(4);
    assertThat(done.path("read").asLong()).isGreaterThanOrEqualTo(4);
    awaitIndexed(2);
  }

  @Test
  @Order(6)
  void aQuarantinedRowReplaysIdempotently() throws Exception {
    MeterRegistry meters = hub.bean(MeterRegistry.class);
    double before = meters.counter("hub.normalize.records", "source", "gaj", "outcome", "quarantined").count();
    JsonNode list = json(call("GET", "/api/v1/quarantine?source=gaj", null, null, adminToken));
    String id = list.path("items").get(0).path("id").asText();
    HttpResponse<String> replayed = call("POST", "/api/v1/quarantine/" + id + "/replay", "", "application/json", adminToken);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
    Await.until("the replayed row to be normalised again", PATIENCE,
        () -> meters.counter("hub.normalize.records", "source", "gaj", "outcome", "quarantined").count(), c -> c > before);
    assertThat(json(call("GET", "/api/v1/quarantine?source=gaj", null, null, adminToken)).path("total").asInt()).isEqualTo(1);
    assertThat(call("POST", "/api/v1/quarantine/nosuchid/replay", "", "application/json", adminToken).statusCode()).isEqualTo(404);
  }

  private static String v2() throws Exception {
    return Files.readString(Path.of("mappings/gaj.yaml")).replace("version: 1", "version: 2")
        .replace("    description: 户籍人口\n    id_number: gmsfhm\n",
            "    description: 户籍人口\n    id_number: gmsfhm\n    when:\n      - {column: xm, not_in: [乙某], rule: 测试：不计入乙某}\n");
  }

  private static void awaitIndexed(long expected) throws Exception {
    ResidentIndex index = hub.bean(ResidentIndex.class);
    Await.until("the index to hold " + expected + " residents", PATIENCE, () -> {
      index.refresh();
      return index.count();
    }, count -> count == expected);
  }

  private static String token(String user, String password) throws Exception {
    HttpResponse<String> r = call("POST", "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", "application/json", null);
    return json(r).path("access_token").asText();
  }

  private static HttpResponse<String> call(String method, String path, String body, String contentType, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType + "; charset=utf-8");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static Connection gaj() throws Exception {
    return DriverManager.getConnection(ItServices.postgres().jdbcUrl(DATABASE), "postgres", "postgres");
  }
}
