package cn.jzz.hub.readside;

import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.security.ApiKeys;
import cn.jzz.hub.security.PasswordHasher;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.TestHub;
import cn.jzz.hub.support.TestIdentityProvider;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.jzz.hub.HubApplication;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.security.UserDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One hub for the read-side ITs (started once per test JVM, on the real services): configured users
 * of every role, an API key, the fixture population indexed directly, an empty connectors dir and its
 * own routes/ and exports/ folders.
 */
public final class ReadHub {

  public static final String ADMIN_PASSWORD = "Ad-" + java.util.UUID.randomUUID();
  public static final String PASSWORD = "Rd-" + java.util.UUID.randomUUID();
  public static final String SYSTEM_KEY = "sys-" + java.util.UUID.randomUUID();
  public static final String SYSTEM_JURISDICTION = "370811005";
  public static final int POPULATION = 240;

  private static ReadHub shared;

  public final ConfigurableApplicationContext hub;
  public final List<Map<String, Object>> people;
  public final Path routesDir;
  public final Path exportsDir;
  public final String alias;
  /** The identity provider whose tokens this hub accepts besides its own. */
  public final TestIdentityProvider idp;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new HashMap<>();

  private ReadHub(ConfigurableApplicationContext hub, List<Map<String, Object>> people, Path routesDir, Path exportsDir, String alias, TestIdentityProvider idp)
      throws Exception {
    this.hub = hub;
    this.idp = idp;
    this.people = people;
    this.routesDir = routesDir;
    this.exportsDir = exportsDir;
    this.alias = alias;
    this.port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
    for (String user : List.of("admin", "analyst", "grid", "gridcell", "elder")) {
      token(user);
    }
  }

  public static synchronized ReadHub shared() throws Exception {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        shared.hub.close();
        shared.idp.close();
      }));
    }
    return shared;
  }

  private static ReadHub start() throws Exception {
    String ns = "rd" + Long.toString(System.nanoTime(), 36);
    Path dir = Files.createTempDirectory("read-it");
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Path routes = Files.createDirectories(dir.resolve("routes"));
    Path exports = dir.resolve("exports");
    Map<String, Object> p = TestHub.properties(ns, dir.resolve("data"), connectors);
    String hash = PasswordHasher.hash(PASSWORD);
    String[][] users = {
      {"analyst", "analyst"}, {"grid", "grid_worker@" + ReadFixtures.YUTANG}, {"gridcell", "grid_worker@" + ReadFixtures.YUTANG_GRID_1}, {"elder", "analyst"}
    };
    for (int i = 0; i < users.length; i++) {
      p.put("hub.security.users[" + i + "].username", users[i][0]);
      p.put("hub.security.users[" + i + "].password-hash", hash);
      p.put("hub.security.users[" + i + "].role", users[i][1]);
    }
    p.put("hub.security.users[3].grants[0]", "sensitive:elderly_tags");
    p.put("hub.security.api-keys[0].name", "minzheng-system");
    p.put("hub.security.api-keys[0].key-hash", ApiKeys.sha256(SYSTEM_KEY));
    p.put("hub.security.api-keys[0].jurisdiction", SYSTEM_JURISDICTION);
    p.put("hub.security.api-keys[0].scopes[0]", "search");
    p.put("hub.security.api-keys[0].scopes[1]", "lookup");
    p.put("hub.security.token-requests-per-minute", "40");
    p.put("hub.exports.dir", exports.toString());
    p.put("hub.exports.retry-delay", "200ms");
    p.put("hub.routes-dir", routes.toString());
    TestIdentityProvider idp = new TestIdentityProvider();
    p.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", idp.issuer());
    p.put("spring.security.oauth2.resourceserver.jwt.audiences[0]", TestIdentityProvider.AUDIENCE);
    // Command-line arguments, not default properties: application.yml's server.port would win over those.
    ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).properties(p).run("--server.port=0");
    hub.getBean(UserDirectory.class).add(new Principal("admin", Principal.Role.admin, null), ADMIN_PASSWORD);
    String alias = ns + "-residents";
    List<Map<String, Object>> people = ReadFixtures.population(POPULATION, hub.getBean(PersonIds.class));
    ElasticsearchClient es = hub.getBean(ElasticsearchClient.class);
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
    for (Map<String, Object> d : people) {
      bulk.operations(o -> o.index(i -> i.id((String) d.get("person_id")).document(d)));
    }
    var response = es.bulk(bulk.build());
    if (response.errors()) {
      throw new AssertionError("fixture indexing failed: " + response.items().stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse(""));
    }
    hub.getBean(ResidentIndex.class).refresh();
    return new ReadHub(hub, people, routes, exports, alias, idp);
  }

  public String token(String user) throws Exception {
    String cached = tokens.get(user);
    if (cached != null) {
      return cached;
    }
    String password = user.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
    HttpResponse<String> r = call("POST", "/api/v1/auth/token", Json.write(Map.of("username", user, "password", password)), Map.of());
    if (r.statusCode() != 200) {
      throw new AssertionError("token for " + user + ": " + r.statusCode() + " " + r.body());
    }
    String token = Json.MAPPER.readTree(r.body()).path("access_token").asText();
    tokens.put(user, token);
    return token;
  }

  /** A call as {@code user} (null: no credentials; "system": the API key). */
  public HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
    Map<String, String> headers = new HashMap<>();
    if ("system".equals(user)) {
      headers.put("X-API-Key", SYSTEM_KEY);
    } else if (user != null) {
      headers.put("Authorization", "Bearer " + token(user));
    }
    return call(method, path, body, headers);
  }

  public JsonNode ok(String user, String method, String path, String body) throws Exception {
    HttpResponse<String> r = as(user, method, path, body);
    if (r.statusCode() != 200 && r.statusCode() != 202) {
      throw new AssertionError(method + " " + path + " as " + user + " answered " + r.statusCode() + ": " + r.body());
    }
    return Json.MAPPER.readTree(r.body());
  }

  public HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> bytes(String user, String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token(user)).GET().build();
    return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  public <T> T bean(Class<T> type) {
    return hub.getBean(type);
  }

  public int port() {
    return port;
  }
}
