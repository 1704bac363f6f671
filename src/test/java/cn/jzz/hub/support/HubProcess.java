package cn.jzz.hub.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hub as its own operating-system process ({@code java -jar target/hub.jar}), for what a test JVM
 * cannot do to itself: {@code kill -9}.
 */
public final class HubProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private HubProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static HubProcess start(Map<String, Object> properties, Path log) throws IOException {
    Path jar = Path.of("target/hub.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("target/hub.jar is missing: integration tests run after `mvn package` (./hub test does that)");
    }
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar.toString()));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new HubProcess(process, log);
  }

  /** Waits until the process logged that it started; fails with its log otherwise. */
  public HubProcess awaitStarted(Duration atMost) throws Exception {
    Await.until("the hub process to start (log: " + log + ")", atMost, () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("the hub process exited with " + process.exitValue() + ":\n" + tail());
      }
      return Files.readString(log);
    }, text -> text.contains("Started HubApplication"));
    return this;
  }

  /** SIGKILL: no shutdown hook, no leave-group, no flush. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
