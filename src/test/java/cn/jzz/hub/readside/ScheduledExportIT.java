package cn.jzz.hub.readside;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A route dropped into routes/ is loaded, runs on its cron, writes its file, and is listed; a failing one is retried and reported. */
class ScheduledExportIT {

  static ReadHub read;

  @BeforeAll
  static void start() throws Exception {
    read = ReadHub.shared();
  }

  static String route(String name, String cron, String body) {
    return """
        - route:
            id: export.%s
            description: test schedule
            from:
              uri: quartz:export/%s
              parameters:
                cron: "%s"
              steps:
                - setBody:
                    constant: |
        %s
                - process:
                    ref: scheduledExport
        """.formatted(name, name, cron, body.indent(14).stripTrailing());
  }

  @Test
  void aScheduledExportWritesItsFileAndIsListed() throws Exception {
    // a schedule writes only inside the data dir, so the route names a relative directory
    String relative = "exports/scheduled/test-ledger-" + System.nanoTime();
    Path destination = read.routesDir.getParent().resolve("data").resolve(relative);
    Files.writeString(read.routesDir.resolve("export-test-ledger.yaml"), route("test-ledger", "0/2 * * * * ?", """
        query:
          filters:
            - {field: community_code, op: eq, value: "%s"}
        columns: [person_id, full_name, phone]
        format: csv
        destination: %s
        """.formatted(ReadFixtures.YUCAI, relative)));
    Path file = Await.until("the scheduled file", Duration.ofSeconds(60), () -> {
      if (!Files.isDirectory(destination)) {
        return null;
      }
      try (Stream<Path> files = Files.list(destination)) {
        return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
      }
    }, f -> f != null);
    List<String> lines = Files.readAllLines(file);
    long expected = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("community_code").equals(ReadFixtures.YUCAI));
    assertThat(lines).hasSize((int) expected + 2);
    assertThat(lines.get(lines.size() - 1)).contains("导出人:scheduler");
    JsonNode listed = Await.until("the schedule's last run", Duration.ofSeconds(30), () -> schedule("test-ledger"), s -> s != null && s.path("last_run").path("result").asText().equals("ok"));
    assertThat(listed.path("cron").asText()).isEqualTo("0/2 * * * * ?");
    assertThat(listed.path("next_run").asText()).isNotEmpty();
    assertThat(listed.path("last_run").path("rows").asLong()).isEqualTo(expected);
    JsonNode audit = read.ok("admin", "GET", "/api/v1/audit?user=scheduler&action=exports.scheduled", null);
    assertThat(audit.path("total").asLong()).isPositive();
    Files.delete(read.routesDir.resolve("export-test-ledger.yaml"));
    read.bean(org.apache.camel.CamelContext.class).getRouteController().stopRoute("export.test-ledger");
  }

  @Test
  void aFailingScheduledExportIsRetriedAndReported() throws Exception {
    Files.writeString(read.routesDir.resolve("export-test-broken.yaml"), route("test-broken", "0/3 * * * * ?", """
        template: 没有这个模板
        format: csv
        destination: exports/scheduled/never-written
        """));
    JsonNode listed = Await.until("the failed run", Duration.ofSeconds(60), () -> schedule("test-broken"), s -> s != null && s.path("last_run").path("result").asText().equals("failed"));
    assertThat(listed.path("last_run").path("attempts").asInt()).isEqualTo(3);
    assertThat(listed.path("last_run").path("error").asText()).contains("没有这个模板");
    JsonNode audit = read.ok("admin", "GET", "/api/v1/audit?user=scheduler&outcome=failed", null);
    assertThat(audit.toString()).contains("test-broken");
    Files.delete(read.routesDir.resolve("export-test-broken.yaml"));
    read.bean(org.apache.camel.CamelContext.class).getRouteController().stopRoute("export.test-broken");
  }

  private JsonNode schedule(String name) throws Exception {
    for (JsonNode s : read.ok("admin", "GET", "/api/v1/exports/schedules", null)) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
