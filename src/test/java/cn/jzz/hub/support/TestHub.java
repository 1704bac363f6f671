package cn.jzz.hub.support;

import cn.jzz.hub.HubApplication;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.security.UserDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A hub instance inside the test JVM, on the real services, isolated by its own topic namespace and alias. */
public final class TestHub implements AutoCloseable {

  public static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private String token;

  private TestHub(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    context.getBean(UserDirectory.class).add(new Principal("admin", Principal.Role.admin, null), ADMIN_PASSWORD);
  }

  /** Properties every test hub shares; {@code namespace} keeps its topics, consumer groups and index apart. */
  public static Map<String, Object> properties(String namespace, Path dataDir, Path connectorsDir) {
    Map<String, Object> p = new HashMap<>();
    p.put("server.port", 0);
    p.put("hub.data-dir", dataDir.toString());
    p.put("hub.connectors-dir", connectorsDir.toString());
    p.put("hub.mappings-dir", "mappings");
    p.put("hub.elasticsearch.url", ItServices.elasticsearchUrl());
    p.put("hub.elasticsearch.alias", namespace + "-residents");
    p.put("hub.kafka.bootstrap-servers", ItServices.kafkaBootstrap());
    p.put("hub.kafka.topic-namespace", namespace);
    p.put("hub.kafka.application-id", namespace);
    p.put("hub.identity.key", java.util.Base64.getEncoder().encodeToString(namespace.repeat(8).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    return p;
  }

  /** Properties go in as command-line arguments, so they win over application.yml (server.port=0 above all). */
  public static TestHub start(Map<String, Object> properties) {
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new TestHub(new SpringApplicationBuilder(HubApplication.class).run(args));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public JsonNode post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = send(path, json, true);
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token()).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  /** A GET whatever it answers (for checking error answers). */
  public HttpResponse<String> getResponse(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token()).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public byte[] getBytes(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token()).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  public HttpResponse<String> send(String path, String json, boolean authenticated) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authenticated) {
      request.header("Authorization", "Bearer " + token());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token() throws IOException, InterruptedException {
    if (token == null) {
      HttpResponse<String> response = send("/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", false);
      token = Json.MAPPER.readTree(response.body()).path("access_token").asText();
    }
    return token;
  }

  @Override
  public void close() {
    context.close();
  }
}
