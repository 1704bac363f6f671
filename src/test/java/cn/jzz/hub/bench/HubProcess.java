package cn.jzz.hub.bench;

import cn.jzz.hub.security.PasswordHasher;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The hub as its own process, {@code java -jar target/hub.jar}, so that its memory is measured
 * honestly and it can be killed with SIGKILL. Its output goes to a log file; the moment a line first
 * matched one of the watched patterns is kept (e.g. when the connectors started).
 */
public final class HubProcess implements AutoCloseable {

  /** Everything a hub process needs to know; the same settings make a restarted hub the same instance. */
  public record Settings(
      Path jar, Path dataDir, Path connectorsDir, Path mappingsDir, int port, String elasticsearchUrl, String kafkaBootstrap,
      String namespace, String identityKey, String heap, List<String> jvmOptions, Map<String, String> extra) {

    public static Settings of(Path jar, Path dataDir, Path connectorsDir, int port, String es, String kafka, String namespace) {
      byte[] key = new byte[32];
      new java.security.SecureRandom().nextBytes(key);
      return new Settings(jar, dataDir, connectorsDir, Path.of("mappings"), port, es, kafka, namespace, Base64.getEncoder().encodeToString(key), "1g", List.of(), Map.of());
    }

    public Settings withHeap(String h) {
      return new Settings(jar, dataDir, connectorsDir, mappingsDir, port, elasticsearchUrl, kafkaBootstrap, namespace, identityKey, h, jvmOptions, extra);
    }

    public Settings withJvmOptions(List<String> options) {
      return new Settings(jar, dataDir, connectorsDir, mappingsDir, port, elasticsearchUrl, kafkaBootstrap, namespace, identityKey, heap, options, extra);
    }

    public Settings withExtra(Map<String, String> more) {
      return new Settings(jar, dataDir, connectorsDir, mappingsDir, port, elasticsearchUrl, kafkaBootstrap, namespace, identityKey, heap, jvmOptions, more);
    }
  }

  public static final String ADMIN = "admin";

  private final Settings settings;
  private final String password = UUID.randomUUID().toString();
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final List<Pattern> watched;
  private final Http http;
  private final Path log;
  private Process process;
  private Thread pump;
  private String token;

  public HubProcess(Settings settings, Path log, List<Pattern> watched) {
    this.settings = settings;
    this.log = log;
    this.watched = List.copyOf(watched);
    this.http = new Http("http://127.0.0.1:" + settings.port());
  }

  public HubProcess start() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + settings.heap());
    cmd.add("-XX:+UseG1GC");
    cmd.addAll(settings.jvmOptions());
    cmd.add("-jar");
    cmd.add(settings.jar().toAbsolutePath().toString());
    arg(cmd, "server.port", settings.port());
    arg(cmd, "hub.data-dir", settings.dataDir().toAbsolutePath());
    arg(cmd, "hub.connectors-dir", settings.connectorsDir().toAbsolutePath());
    arg(cmd, "hub.mappings-dir", settings.mappingsDir().toAbsolutePath());
    arg(cmd, "hub.elasticsearch.url", settings.elasticsearchUrl());
    arg(cmd, "hub.elasticsearch.alias", settings.namespace() + "-residents");
    arg(cmd, "hub.kafka.bootstrap-servers", settings.kafkaBootstrap());
    arg(cmd, "hub.kafka.topic-namespace", settings.namespace());
    arg(cmd, "hub.kafka.application-id", settings.namespace());
    arg(cmd, "hub.identity.key", settings.identityKey());
    arg(cmd, "hub.security.users[0].username", ADMIN);
    arg(cmd, "hub.security.users[0].password-hash", PasswordHasher.hash(password));
    arg(cmd, "hub.security.users[0].role", "admin");
    arg(cmd, "hub.security.token-requests-per-minute", 1000);
    arg(cmd, "management.endpoints.web.exposure.include", "health,prometheus");
    settings.extra().forEach((k, v) -> arg(cmd, k, v));
    Files.createDirectories(log.getParent());
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    pump = new Thread(this::pump, "hub-output");
    pump.setDaemon(true);
    pump.start();
    token = null;
    return this;
  }

  private static void arg(List<String> cmd, String name, Object value) {
    cmd.add("--" + name + "=" + value);
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        long now = System.nanoTime();
        for (Pattern p : watched) {
          if (!firstSeen.containsKey(p.pattern()) && p.matcher(line).find()) {
            firstSeen.put(p.pattern(), now);
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** {@link System#nanoTime()} when a line first matched {@code pattern}, or null. */
  public Long firstSeen(Pattern pattern) {
    return firstSeen.get(pattern.pattern());
  }

  public void forgetSeen() {
    firstSeen.clear();
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public Path log() {
    return log;
  }

  public Settings settings() {
    return settings;
  }

  /** Waits until the hub answers its health check; fails with the log's tail if it dies first. */
  public HubProcess awaitUp(Duration atMost) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the hub exited with " + process.exitValue() + " during start; log " + log + ":\n" + tail(40));
      }
      try {
        if (http.get("/actuator/health").status() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the hub did not become healthy within " + atMost + "; log " + log + ":\n" + tail(40));
  }

  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** A POST to the hub's API as the admin. */
  public Http.Answer post(String path, Object body) throws IOException, InterruptedException {
    String json = body instanceof String s ? s : Json.write(body);
    Http.Answer answer = http.send("POST", path, json, "application/json", token());
    if (answer.status() == 401) {
      token = null;
      answer = http.send("POST", path, json, "application/json", token());
    }
    return answer;
  }

  /** A GET of the hub's API as the admin. */
  public Http.Answer get(String path) throws IOException, InterruptedException {
    Http.Answer answer = http.send("GET", path, null, null, token());
    if (answer.status() == 401) {
      token = null;
      answer = http.send("GET", path, null, null, token());
    }
    return answer;
  }

  private String token() throws IOException, InterruptedException {
    if (token == null) {
      JsonNode answer = http.json("POST", "/api/v1/auth/token", Map.of("username", ADMIN, "password", password)).ok().json();
      token = answer.path("access_token").asText();
    }
    return token;
  }

  /** The hub's Prometheus metrics, name{labels} → value. */
  public Map<String, Double> metrics() throws IOException, InterruptedException {
    Map<String, Double> values = new java.util.HashMap<>();
    for (String line : get("/actuator/prometheus").ok().body().split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException e) {
        // a value like NaN with a timestamp: not needed
      }
    }
    return values;
  }

  /** Sum of every series of a metric (all label sets). */
  public static double sum(Map<String, Double> metrics, String name) {
    return metrics.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{")).mapToDouble(Map.Entry::getValue).sum();
  }

  /** SIGKILL: no shutdown hook, no flush, no commit. */
  public void kill9() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM and wait for a clean shutdown (then SIGKILL). */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
    if (pump != null) {
      pump.join(5000);
    }
  }

  /** Runs {@code jcmd <pid> <command…>}; returns its output. */
  public String jcmd(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(pid()));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
