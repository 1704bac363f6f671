package cn.jzz.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.ConnectorManager;
import cn.jzz.hub.connector.LeaseHolderMain;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.security.UserDirectory;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.TestHub;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several hub instances against one Kafka: every source is read by exactly one of them, another takes
 * over when one stops or is killed (kill -9, a separate JVM), and {@code /api/v1/sources} shows and
 * controls the sources of the instance it asks, for admins only.
 */
class SourcesScaleOutIT {

  private static final String NS = "itcont" + Long.toHexString(System.nanoTime()).substring(6);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final List<String> SOURCES = List.of("clj", "fl", "tyjrj", "xfj");

  @TempDir Path connectors;
  @TempDir Path dataA;
  @TempDir Path dataB;
  @TempDir Path dataC;
  private final HttpClient http = HttpClient.newHttpClient();

  private void writeConnectors() throws Exception {
    Files.writeString(connectors.resolve("clj.yaml"), "source: clj\ntype: file\noptions: {format: csv, encoding: GBK, entity: cjr, key-columns: [身份证号], poll-interval-ms: 300}\n");
    Files.writeString(connectors.resolve("xfj.yaml"), "source: xfj\ntype: file\noptions: {format: csv, entity: xfry, key-columns: [身份证号], poll-interval-ms: 300}\n");
    Files.writeString(connectors.resolve("tyjrj.yaml"), "source: tyjrj\ntype: file\noptions: {format: xlsx, entity: yfdx, key-columns: [公民身份号码, 优抚类别]}\n");
    Files.writeString(connectors.resolve("fl.yaml"), "source: fl\ntype: file\noptions: {format: xlsx, entity: etga, key-columns: [儿童身份证号, 类别]}\n");
  }

  private TestHub start(Path data) {
    // TestHub's server.port=0 is a default property, which application.yml's 8080 outranks; a system
    // property outranks both, and two hubs in one JVM need two ports.
    System.setProperty("server.port", "0"); // cleared again in the test's finally
    Map<String, Object> properties = TestHub.properties(NS, data, connectors);
    properties.put("hub.ingest.lease-session-timeout", "6s");
    return TestHub.start(properties);
  }

  private static Set<String> readHere(TestHub hub) {
    Set<String> held = new TreeSet<>();
    hub.bean(ConnectorManager.class).reports().stream().filter(ConnectorManager.SourceReport::readHere).forEach(r -> held.add(r.status().source()));
    return held;
  }

  @Test
  void eachSourceHasExactlyOneReaderAndAnotherTakesOverWhenItStopsOrIsKilled() throws Exception {
    writeConnectors();
    String port = System.getProperty("server.port");
    try (TestHub a = start(dataA); TestHub b = start(dataB)) {
      Await.until("the sources to be shared out", PATIENCE, () -> List.of(readHere(a), readHere(b)),
          held -> !held.get(0).isEmpty() && !held.get(1).isEmpty() && union(held).equals(new TreeSet<>(SOURCES)) && disjoint(held));

      checkTheSourcesApi(a);

      Process other = startLeaseHolderJvm();
      try {
        AtomicReference<Set<String>> otherHolds = watch(other);
        Await.until("the third instance to get a share", PATIENCE, () -> List.of(readHere(a), readHere(b), otherHolds.get()),
            held -> !held.get(2).isEmpty() && union(held).equals(new TreeSet<>(SOURCES)) && disjoint(held));
        Set<String> killed = otherHolds.get();
        other.destroyForcibly(); // SIGKILL: no goodbye to the group, its sources wait for the session timeout
        other.waitFor();
        Await.until("the killed instance's sources " + killed + " to be taken over", PATIENCE, () -> List.of(readHere(a), readHere(b)),
            held -> union(held).equals(new TreeSet<>(SOURCES)) && disjoint(held));
      } finally {
        other.destroyForcibly();
      }

      a.close();
      Set<String> all = Await.until("b to read every source", PATIENCE, () -> readHere(b), held -> held.equals(new TreeSet<>(SOURCES)));
      assertThat(all).containsExactlyElementsOf(SOURCES);
      // and b really reads them: a dump dropped into its inbox is archived
      Path inbox = dataB.resolve("inbox/clj");
      Files.createDirectories(inbox);
      Files.write(inbox.resolve("残疾人_202611.csv"), "姓名,身份证号\r\n张三,370811199001011234\r\n".getBytes(Charset.forName("GBK")));
      Await.until("b to archive the dump", PATIENCE, () -> Files.exists(dataB.resolve("archive/clj/残疾人_202611.csv")), done -> done);
    } finally {
      if (port == null) {
        System.clearProperty("server.port");
      } else {
        System.setProperty("server.port", port);
      }
    }
  }

  private void checkTheSourcesApi(TestHub hub) throws Exception {
    String admin = token(hub, "admin", TestHub.ADMIN_PASSWORD);
    hub.bean(UserDirectory.class).add(new Principal("viewer", Principal.Role.analyst, null), "viewer-password-1");
    String analyst = token(hub, "viewer", "viewer-password-1");

    HttpResponse<String> list = call(hub, "GET", "/api/v1/sources", admin);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode sources = Json.MAPPER.readTree(list.body()).path("sources");
    assertThat(sources.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(SOURCES);
    JsonNode mine = null;
    for (JsonNode s : sources) {
      assertThat(s.path("type").asText()).isEqualTo("file");
      assertThat(s.has("last_error") || s.path("read").isNumber()).isTrue();
      if (s.path("read_here").asBoolean()) {
        assertThat(s.path("state").asText()).isIn("running", "starting");
        mine = s;
      } else {
        assertThat(s.path("state").asText()).isEqualTo("stopped");
      }
    }
    assertThat(mine).isNotNull();
    String id = mine.path("id").asText();
    String elsewhere = SOURCES.stream().filter(s -> !readHere(hub).contains(s)).findFirst().orElseThrow();
    HttpResponse<String> conflict = call(hub, "POST", "/api/v1/sources/" + elsewhere + "/pause", admin);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(Json.MAPPER.readTree(conflict.body()).path("error").path("code").asText()).isEqualTo("NOT_READ_HERE");

    HttpResponse<String> forbidden = call(hub, "GET", "/api/v1/sources", analyst);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(Json.MAPPER.readTree(forbidden.body()).path("error").path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(call(hub, "POST", "/api/v1/sources/" + id + "/pause", analyst).statusCode()).isEqualTo(403);

    HttpResponse<String> unknown = call(hub, "POST", "/api/v1/sources/nope/pause", admin);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.MAPPER.readTree(unknown.body()).path("error").path("code").asText()).isEqualTo("SOURCE_NOT_FOUND");

    assertThat(Json.MAPPER.readTree(call(hub, "POST", "/api/v1/sources/" + id + "/pause", admin).body()).path("state").asText()).isEqualTo("paused");
    assertThat(stateOf(hub, admin, id)).isEqualTo("paused");
    assertThat(hub.bean(org.apache.camel.CamelContext.class).getRoute("ingest." + id)).isNull();
    assertThat(Json.MAPPER.readTree(call(hub, "POST", "/api/v1/sources/" + id + "/resume", admin).body()).path("state").asText()).isIn("running", "starting");
    assertThat(hub.bean(org.apache.camel.CamelContext.class).getRoute("ingest." + id)).isNotNull();
    assertThat(call(hub, "POST", "/api/v1/sources/" + id + "/resync", admin).statusCode()).isEqualTo(200);
  }

  private String stateOf(TestHub hub, String token, String id) throws Exception {
    for (JsonNode s : Json.MAPPER.readTree(call(hub, "GET", "/api/v1/sources", token).body()).path("sources")) {
      if (s.path("id").asText().equals(id)) {
        return s.path("state").asText();
      }
    }
    return null;
  }

  private Process startLeaseHolderJvm() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), LeaseHolderMain.class.getName(), ItServices.kafkaBootstrap(), NS, dataC.toString(), connectors.toString());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Follows the subprocess's HOLDING lines. */
  private static AtomicReference<Set<String>> watch(Process process) {
    AtomicReference<Set<String>> held = new AtomicReference<>(Set.of());
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("HOLDING [")) {
            String inside = line.substring("HOLDING [".length(), line.length() - 1);
            held.set(inside.isBlank() ? Set.of() : new TreeSet<>(List.of(inside.split(", "))));
          }
        }
      } catch (Exception ignored) {
        // the process was killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    return held;
  }

  private static Set<String> union(List<Set<String>> held) {
    Set<String> all = new TreeSet<>();
    held.forEach(all::addAll);
    return all;
  }

  private static boolean disjoint(List<Set<String>> held) {
    return held.stream().mapToInt(Set::size).sum() == union(held).size();
  }

  private String token(TestHub hub, String user, String password) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(hub) + "/api/v1/auth/token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(response.body()).path("access_token").asText();
  }

  private HttpResponse<String> call(TestHub hub, String method, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base(hub) + path)).header("Authorization", "Bearer " + token)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String base(TestHub hub) {
    return "http://127.0.0.1:" + hub.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port");
  }
}
