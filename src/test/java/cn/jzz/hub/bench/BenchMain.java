package cn.jzz.hub.bench;

import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * {@code ./hub bench}: the benchmark suite, all phases in one run on the same machine, against the
 * fresh Elasticsearch and Kafka the launcher started, with the hub as its own process. Writes
 * {@code report.json} and {@code report.md} into the output folder and checks the targets (a missed
 * target is reported with its shortfall; it does not fail the run).
 *
 * <p>Phases: world → B5 initial load → B6 CDC freshness with B7 searches under it (100/s, then 500/s)
 * → B8 exports → reconciliation → B1 raw bulk of the same documents (hub stopped) → report.
 */
public final class BenchMain {

  static final String NAMESPACE = "bench";
  static final Pattern INGEST_STARTED = Pattern.compile("ingest\\.gaj: started");

  record Options(int residents, long seed, String esUrl, String kafka, Path services, int port, Path out, Path jar, String suffix, int b6Seconds, String hubHeap) {

    static Options parse(String[] args) {
      Map<String, String> a = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
        }
        a.put(args[i].substring(2), args[i + 1]);
      }
      int residents = Integer.parseInt(a.getOrDefault("residents", "100000"));
      return new Options(
          residents,
          Long.parseLong(a.getOrDefault("seed", "42")),
          a.getOrDefault("es-url", "http://127.0.0.1:19300"),
          a.getOrDefault("kafka", "127.0.0.1:19110"),
          Path.of(a.getOrDefault("services", "target/bench-services")),
          Integer.parseInt(a.getOrDefault("port", "18380")),
          Path.of(a.getOrDefault("out", "target/bench")),
          Path.of(a.getOrDefault("jar", "target/hub.jar")),
          a.getOrDefault("suffix", "bencht"),
          Integer.parseInt(a.getOrDefault("b6-seconds", "30")),
          a.getOrDefault("hub-heap", residents > 300_000 ? "2g" : "1g"));
    }
  }

  private final Options o;
  private final Http es;
  private final String alias = NAMESPACE + "-residents";
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private HubProcess hub;
  private Sampler sampler;
  private BenchWorld world;

  BenchMain(Options o) {
    this.o = o;
    this.es = new Http(o.esUrl());
  }

  public static void main(String[] args) throws Exception {
    // the bench's own Kafka and JDBC clients would otherwise log at DEBUG over the progress lines
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
    Options o = Options.parse(args);
    int rc = new BenchMain(o).run();
    System.exit(rc);
  }

  static void progress(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }

  int run() throws Exception {
    Files.createDirectories(o.out());
    report.put("started_at", Instant.now().toString());
    report.put("residents", o.residents());
    report.put("seed", o.seed());
    report.put("machine", machine());
    long esPid = Proc.pidFrom(o.services().resolve("elasticsearch-server.pid"));
    long kafkaPid = Proc.pidFrom(o.services().resolve("kafka.pid"));
    Map<String, LongSupplier> pids = new LinkedHashMap<>();
    pids.put("elasticsearch", () -> esPid);
    pids.put("kafka", () -> kafkaPid);
    pids.put("hub", () -> hub != null && hub.alive() ? hub.pid() : -1);
    try {
      buildWorld();
      startHub();
      sampler = new Sampler(pids, hub);
      Thread samplerThread = new Thread(sampler, "bench-sampler");
      samplerThread.setDaemon(true);
      samplerThread.start();
      b5();
      Map<String, Object> b6 = new LinkedHashMap<>();
      report.put("b6_b7", b6);
      b6.put("rate_100", b6b7(100, false));
      b6.put("rate_500", b6b7(500, true));
      report.put("stack", stack());
      try {
        report.put("b8", b8());
      } catch (Exception e) {
        // an export failure must not cost the rest of the run
        progress("B8 failed: %s", e);
        report.put("b8", Map.of("reason", "the export run failed: " + e));
      }
      report.put("reconcile", reconcile());
      hub.stop();
      report.put("b1", b1());
      finishTargets();
    } catch (Exception e) {
      report.put("error", e.toString());
      progress("FAILED: %s", e);
      if (hub != null) {
        progress("hub log tail:%n%s", hub.tail(30));
      }
      throw e;
    } finally {
      if (hub != null) {
        hub.stop();
      }
      if (sampler != null) {
        sampler.stop();
      }
      if (world != null) {
        // the world's replication slot would keep WAL on the shared server
        try {
          world.drop();
        } catch (Exception e) {
          progress("could not drop %s: %s", world.gajDatabase(), e.getMessage());
        }
      }
      report.put("finished_at", Instant.now().toString());
      report.put("targets", targets.stream().map(Target::json).toList());
      write();
    }
    return 0;
  }

  // ------------------------------------------------------------------------------------- world
  private void buildWorld() throws Exception {
    progress("building the simulated departments (%d residents, seed %d) in %s…", o.residents(), o.seed(), "dept_gaj_" + o.suffix());
    long t0 = System.nanoTime();
    world = new BenchWorld(o.suffix(), o.seed(), o.residents()).build();
    double s = seconds(t0);
    progress("world built in %.1f s: dept_gaj has %d rows, %d residents expected in the index", s, world.gaj().rows(), world.expected());
    report.put("world", Map.of("seconds", Stats.round(s), "source_rows", world.gaj().rows(), "expected_residents", world.expected(), "sources", List.of("gaj")));
  }

  private void startHub() throws IOException {
    Path data = o.out().resolve("hub-data");
    deleteTree(data);
    Path connectors = world.writeConnectors(o.out().resolve("connectors"));
    Files.deleteIfExists(o.out().resolve("hub.log"));
    HubProcess.Settings settings =
        HubProcess.Settings.of(o.jar(), data, connectors, o.port(), o.esUrl(), o.kafka(), NAMESPACE)
            .withHeap(o.hubHeap())
            .withJvmOptions(List.of(
                "-Dhub.launcher.services-dir=" + o.services().toAbsolutePath(),
                "-XX:StartFlightRecording=name=b5,settings=profile,filename=" + o.out().resolve("b5.jfr").toAbsolutePath()))
            .withExtra(Map.of("hub.ingest.leases", "false"));
    progress("starting the hub: java -Xmx%s -jar %s (log %s)", o.hubHeap(), o.jar(), o.out().resolve("hub.log"));
    hub = new HubProcess(settings, o.out().resolve("hub.log"), List.of(INGEST_STARTED)).start();
    HubProcess started = hub;
    // Ctrl-C on the launcher reaches this JVM too: take the hub down with it
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        started.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  // ------------------------------------------------------------------------------------- B5
  private void b5() throws Exception {
    long launched = System.nanoTime();
    long expected = world.expected();
    Map<String, Double> cpu0 = sampler.cpu();
    sampler.reset();
    long lastPrint = 0;
    long count = 0;
    Duration patience = Duration.ofSeconds(300 + expected / 100);
    while (true) {
      if (!hub.alive()) {
        throw new IllegalStateException("the hub died during the initial load:\n" + hub.tail(40));
      }
      count = count();
      long now = System.nanoTime();
      if (count >= expected) {
        break;
      }
      if (now - launched > patience.toNanos()) {
        throw new IllegalStateException("initial load incomplete after " + patience + ": " + count + "/" + expected);
      }
      if (now - lastPrint > 5_000_000_000L) {
        Long started = hub.firstSeen(INGEST_STARTED);
        double loadS = started == null ? 0 : (now - started) / 1e9;
        progress("B5 initial load: %d/%d searchable (%.0f s since launch%s)", count, expected, (now - launched) / 1e9,
            started == null ? ", connectors not started yet" : String.format(", %.0f docs/s since the connectors started", count / Math.max(0.001, loadS)));
        lastPrint = now;
      }
      Thread.sleep(250);
    }
    long done = System.nanoTime();
    Long ingestStarted = hub.firstSeen(INGEST_STARTED);
    double total = (done - launched) / 1e9;
    double load = ingestStarted == null ? total : (done - ingestStarted) / 1e9;
    hub.awaitUp(Duration.ofMinutes(2));
    // the golden records keep coming for a moment (house stage, coalescing): count writes once they settle
    double writes = settledWrites();
    Map<String, Double> cpu1 = sampler.cpu();
    sampler.sample();
    hub.jcmd("JFR.stop", "name=b5");
    Map<String, Object> b5 = new LinkedHashMap<>();
    b5.put("residents_indexed", count);
    b5.put("seconds_from_launch", Stats.round(total));
    b5.put("seconds_from_connector_start", Stats.round(load));
    b5.put("docs_per_second", Stats.round(expected / load));
    b5.put("docs_per_second_including_startup", Stats.round(expected / total));
    b5.put("es_writes", (long) writes);
    b5.put("es_writes_per_person", Math.round(writes / expected * 1000) / 1000.0);
    b5.put("hub_peak_heap_mb", mb(sampler.peakHeap()));
    b5.put("hub_peak_rss_mb", mb(Proc.peakRss(hub.pid())));
    b5.put("peak_rss_mb", mbMap(sampler.peakRss()));
    b5.put("cpu_seconds", Sampler.delta(cpu0, cpu1));
    b5.put("profile", profile("b5.jfr"));
    report.put("b5", b5);
    progress("B5 done: %d residents in %.1f s (%.0f docs/s from connector start, %.1f s from launch), %.2f ES writes/person, heap peak %d MB",
        count, load, expected / load, total, writes / expected, mb(sampler.peakHeap()));
  }

  private double settledWrites() throws Exception {
    double last = -1;
    int stable = 0;
    for (int i = 0; i < 120 && stable < 6; i++) {
      double w = HubProcess.sum(hub.metrics(), "hub_index_writes_total");
      stable = w == last ? stable + 1 : 0;
      last = w;
      Thread.sleep(500);
    }
    return last;
  }

  // ------------------------------------------------------------------------------------- B6 + B7
  private Map<String, Object> b6b7(int rate, boolean profile) throws Exception {
    List<SimPerson> targetsForChange = world.people().stream().filter(p -> p.registered() && world.gaj().acceptedIds().contains(p.idNumber())).toList();
    String prefix = "压测" + rate + "x";
    ChangeDriver driver = new ChangeDriver(world, targetsForChange, rate, o.b6Seconds() * 1000L, prefix, o.seed() + rate);
    FreshnessProbe probe = new FreshnessProbe(es, alias, driver.committed());
    List<String> communities = world.people().stream().map(SimPerson::communityCode).distinct().sorted().toList();
    SearchLoad search = new SearchLoad(hub, communities, 100, o.seed());
    Map<String, Double> cpu0 = sampler.cpu();
    sampler.reset();
    if (profile) {
      hub.jcmd("JFR.start", "name=b6", "settings=profile");
    }
    progress("B6/B7 at %d changes/s for %d s, console searches alongside…", rate, o.b6Seconds());
    Thread d = start(driver, "bench-changes");
    Thread p = start(probe, "bench-freshness");
    Thread s1 = start(search, "bench-search");
    long t0 = System.nanoTime();
    while (d.isAlive()) {
      Thread.sleep(5000);
      progress("B6 %d/s: %d changes committed, %d searchable, %d searches (%s)", rate, driver.changes(), probe.latencies().size(), search.latencies().size(),
          search.errors() > 0 ? search.errors() + " failed: " + search.lastError() : "none failed");
    }
    d.join();
    long stopped = System.nanoTime();
    search.stop();
    s1.join(10_000);
    if (driver.failure() != null) {
      throw driver.failure();
    }
    // after the load stops: every marker searchable, and consumer lag back to zero
    double lagZeroAfter = Double.NaN;
    long lastLag = -1;
    try (KafkaLag lag = new KafkaLag(o.kafka(), List.of(NAMESPACE, NAMESPACE + "-indexer"))) {
      while (System.nanoTime() - stopped < 120_000_000_000L) {
        lastLag = lag.lag();
        boolean allSeen = probe.latencies().size() >= driver.committed().size();
        if (lastLag == 0 && Double.isNaN(lagZeroAfter)) {
          lagZeroAfter = seconds(stopped);
        }
        if (allSeen && !Double.isNaN(lagZeroAfter)) {
          break;
        }
        Thread.sleep(200);
      }
    }
    probe.stop();
    p.join(5000);
    Map<String, Double> cpu1 = sampler.cpu();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rate_per_second", rate);
    r.put("seconds", o.b6Seconds());
    r.put("changes_committed", driver.committed().size());
    r.put("achieved_rate", Stats.round(driver.committed().size() / ((stopped - t0) / 1e9)));
    r.put("changes_searchable", probe.latencies().size());
    r.put("freshness", Stats.summary(probe.latencies().values()));
    r.put("lag_zero_seconds_after_stop", Double.isNaN(lagZeroAfter) ? null : Stats.round(lagZeroAfter));
    r.put("lag_at_end", lastLag);
    Map<String, Object> b7 = new LinkedHashMap<>(Stats.summary(search.latencies()));
    b7.put("errors", search.errors());
    if (search.lastError() != null) {
      b7.put("last_error", search.lastError());
    }
    b7.put("query_example", search.query());
    r.put("b7_search", b7);
    r.put("peak_rss_mb", mbMap(sampler.peakRss()));
    r.put("stack_peak_rss_mb", mb(sampler.peakStack()));
    r.put("hub_peak_heap_mb", mb(sampler.peakHeap()));
    r.put("cpu_seconds", Sampler.delta(cpu0, cpu1));
    if (profile) {
      Path jfr = o.out().resolve("b6.jfr").toAbsolutePath();
      hub.jcmd("JFR.stop", "name=b6", "filename=" + jfr);
      r.put("profile", profile("b6.jfr"));
    }
    progress("B6 %d/s: freshness p50 %.0f ms p99 %.0f ms (%d/%d searchable), lag 0 after %s s; B7 search p50 %.0f ms p99 %.0f ms (%d queries)",
        rate, Stats.percentileMs(probe.latencies().values(), 50), Stats.percentileMs(probe.latencies().values(), 99), probe.latencies().size(),
        driver.committed().size(), Double.isNaN(lagZeroAfter) ? "—" : String.format("%.1f", lagZeroAfter),
        Stats.percentileMs(search.latencies(), 50), Stats.percentileMs(search.latencies(), 99), search.latencies().size());
    return r;
  }

  private Map<String, Object> stack() {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Long> now = new LinkedHashMap<>();
    long esPid = Proc.pidFrom(o.services().resolve("elasticsearch-server.pid"));
    long kafkaPid = Proc.pidFrom(o.services().resolve("kafka.pid"));
    now.put("elasticsearch", Proc.rss(esPid));
    now.put("kafka", Proc.rss(kafkaPid));
    now.put("hub", Proc.rss(hub.pid()));
    s.put("rss_mb_now", mbMap(now));
    s.put("rss_mb_total_now", mb(now.values().stream().mapToLong(Long::longValue).sum()));
    s.put("peak_rss_mb", Map.of("elasticsearch", mb(Proc.peakRss(esPid)), "kafka", mb(Proc.peakRss(kafkaPid)), "hub", mb(Proc.peakRss(hub.pid()))));
    s.put("peak_rss_mb_total", mb(Proc.peakRss(esPid) + Proc.peakRss(kafkaPid) + Proc.peakRss(hub.pid())));
    return s;
  }

  // ------------------------------------------------------------------------------------- B8
  private Map<String, Object> b8() throws Exception {
    Map<String, Object> b8 = new LinkedHashMap<>();
    for (String format : List.of("csv", "xlsx")) {
      hub.jcmd("JFR.start", "name=b8" + format, "settings=profile");
      Map<String, Object> one = export(format);
      hub.jcmd("JFR.stop", "name=b8" + format, "filename=" + o.out().resolve("b8-" + format + ".jfr").toAbsolutePath());
      b8.put(format, one);
      if (one.containsKey("not_measurable")) {
        b8.put("reason", one.get("not_measurable"));
        break;
      }
      one.put("profile", profile("b8-" + format + ".jfr"));
    }
    return b8;
  }

  /**
   * One full-population export: rows/s from the job's own clock; heap sampled every 100 ms two ways
   * (see {@link #heapAfterGc}); CPU seconds of the hub and Elasticsearch while it ran.
   */
  private Map<String, Object> export(String format) throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    hub.jcmd("GC.run");
    Thread.sleep(500);
    long baseline = heapUsed();
    long liveBaseline = heapAfterGc();
    double gcsBefore = gcCount();
    long esPid = Proc.pidFrom(o.services().resolve("elasticsearch-server.pid"));
    double hubCpu0 = Proc.cpuSeconds(hub.pid());
    double esCpu0 = Proc.cpuSeconds(esPid);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", List.of("在册", "死亡", "迁出", "注销"));
    body.put("format", format);
    body.put("columns", List.of("person_id", "full_name", "id_number", "id_type", "sex", "birth_date", "person_category", "community_code"));
    long t0 = System.nanoTime();
    Http.Answer created = hub.post("/api/v1/exports", body);
    if (created.status() == 404) {
      r.put("not_measurable", "this build has no exports API: POST /api/v1/exports answered 404");
      return r;
    }
    if (created.status() >= 300) {
      r.put("not_measurable", "POST /api/v1/exports answered " + created.status() + ": " + created.body().substring(0, Math.min(300, created.body().length())));
      return r;
    }
    String id = created.json().path("export_id").asText();
    progress("B8: %s export %s of every resident…", format.toUpperCase(), id);
    long peak = baseline;
    long livePeak = liveBaseline;
    long retainedMid = -1;
    JsonNode status;
    while (true) {
      // One scrape per reading, four readings a second: the bench's own scrapes once took a third of
      // the hub's samples during B8 (two full /actuator/prometheus scrapes every 100 ms).
      Map<String, Double> metrics = hub.metrics();
      peak = Math.max(peak, heapUsed(metrics));
      livePeak = Math.max(livePeak, heapAfterGc(metrics));
      status = hub.get("/api/v1/exports/" + id).ok().json();
      String state = status.path("state").asText();
      long total = status.path("rows_total").asLong(0);
      if (retainedMid < 0 && total > 0 && status.path("rows_written").asLong() * 2 >= total && state.equals("running")) {
        // Halfway, a full collection: what is left is what the export holds, without the old
        // generation's floating garbage that "heap after a young GC" still counts.
        hub.jcmd("GC.run");
        Thread.sleep(200);
        retainedMid = heapUsed();
      }
      if (state.equals("done") || state.equals("failed")) {
        break;
      }
      if (seconds(t0) > 1800) {
        throw new IllegalStateException("export " + id + " not done after 30 min: " + status);
      }
      Thread.sleep(250);
    }
    double wall = seconds(t0);
    double hubCpu = Proc.cpuSeconds(hub.pid()) - hubCpu0;
    double esCpu = Proc.cpuSeconds(esPid) - esCpu0;
    if (!status.path("state").asText().equals("done")) {
      r.put("not_measurable", "the export failed: " + status.path("error").asText());
      return r;
    }
    long rows = status.path("rows_written").asLong();
    double jobSeconds = Duration.between(Instant.parse(status.path("created_at").asText()), Instant.parse(status.path("finished_at").asText())).toMillis() / 1000.0;
    r.put("rows", rows);
    r.put("seconds", Stats.round(jobSeconds));
    r.put("rows_per_second", Stats.round(rows / Math.max(0.001, jobSeconds)));
    r.put("seconds_client_side", Stats.round(wall));
    r.put("hub_cpu_seconds", Stats.round(hubCpu));
    r.put("elasticsearch_cpu_seconds", Stats.round(esCpu));
    r.put("hub_cpu_ms_per_1000_rows", Stats.round(hubCpu * 1_000_000 / Math.max(1, rows)));
    r.put("heap_baseline_mb", mb(baseline));
    r.put("heap_peak_mb", mb(peak));
    r.put("heap_growth_mb", mb(peak - baseline));
    if (liveBaseline >= 0) {
      r.put("heap_after_gc_baseline_mb", mb(liveBaseline));
      r.put("heap_after_gc_peak_mb", mb(livePeak));
      r.put("heap_live_growth_mb", mb(livePeak - liveBaseline));
    }
    if (retainedMid >= 0) {
      r.put("heap_retained_mid_export_mb", mb(retainedMid));
      r.put("heap_retained_growth_mb", mb(retainedMid - baseline));
    }
    r.put("gcs_during_export", (long) (gcCount() - gcsBefore));
    r.put("columns", body.get("columns"));
    progress("B8: %s %d rows in %.1f s = %.0f rows/s (hub %.1f CPU-s, ES %.1f CPU-s), heap +%d MB used at peak, +%s MB after GC, +%s MB after a full GC halfway", format.toUpperCase(), rows,
        jobSeconds, rows / Math.max(0.001, jobSeconds), hubCpu, esCpu, mb(peak - baseline), liveBaseline >= 0 ? String.valueOf(mb(livePeak - liveBaseline)) : "?",
        retainedMid >= 0 ? String.valueOf(mb(retainedMid - baseline)) : "?");
    return r;
  }

  private long heapUsed() {
    try {
      return heapUsed(hub.metrics());
    } catch (Exception e) {
      return 0;
    }
  }

  private static long heapUsed(Map<String, Double> metrics) {
    return (long) metrics.entrySet().stream()
        .filter(x -> x.getKey().startsWith("jvm_memory_used_bytes{") && x.getKey().contains("area=\"heap\""))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /**
   * Heap used right after the hub's most recent garbage collection ({@code hub_jvm_heap_after_gc_bytes});
   * −1 if the build has no such gauge. Peak heap used counts garbage the collector has not yet had a
   * reason to collect; after a collection less of it remains (after a young one the old generation
   * may still hold some).
   */
  private long heapAfterGc() {
    try {
      return heapAfterGc(hub.metrics());
    } catch (Exception e) {
      return -1;
    }
  }

  private static long heapAfterGc(Map<String, Double> metrics) {
    Double v = metrics.get("hub_jvm_heap_after_gc_bytes");
    return v == null ? -1 : v.longValue();
  }

  private double gcCount() {
    try {
      return hub.metrics().entrySet().stream().filter(x -> x.getKey().startsWith("jvm_gc_pause_seconds_count{")).mapToDouble(Map.Entry::getValue).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  // ------------------------------------------------------------------------------------- reconcile
  private Map<String, Object> reconcile() throws Exception {
    progress("reconciling the index with the departmental systems…");
    long t0 = System.nanoTime();
    Thread watcher = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(15_000);
          JsonNode p = hub.get("/api/v1/reconcile/progress").json();
          if (p.path("running").asBoolean()) {
            progress("reconcile: pass %s/%s, %s%s; %,d source rows read, %,d index documents scanned (%.0f s)", p.path("pass").asText(), p.path("passes").asText(),
                p.path("step").asText(), p.hasNonNull("source") ? " (" + p.path("source").asText() + ")" : "", p.path("rows_read").asLong(),
                p.path("documents_scanned").asLong(), seconds(t0));
          }
        }
      } catch (InterruptedException e) {
        // the reconciliation answered
      } catch (Exception e) {
        progress("reconcile: cannot read its progress: %s", e);
      }
    }, "bench-reconcile-progress");
    watcher.setDaemon(true);
    watcher.start();
    Http.Answer answer;
    try {
      answer = hub.post("/api/v1/reconcile", Map.of("max_ids", 10));
    } finally {
      watcher.interrupt();
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("seconds", Stats.round(seconds(t0)));
    if (answer.status() != 200) {
      r.put("error", answer.status() + " " + answer.body());
      return r;
    }
    JsonNode j = answer.json();
    for (String k : List.of("consistent", "complete", "persons_expected", "persons_indexed", "persons_consistent", "expected_checksum", "index_checksum", "mismatched", "fields", "passes")) {
      r.put(k, Json.MAPPER.convertValue(j.get(k), Object.class));
    }
    progress("reconcile: consistent=%s, %s expected, %s indexed, mismatched %s (%.1f s)", j.path("consistent"), j.path("persons_expected"), j.path("persons_indexed"), j.path("mismatched"), seconds(t0));
    return r;
  }

  // ------------------------------------------------------------------------------------- B1
  private Map<String, Object> b1() throws Exception {
    Path docs = o.out().resolve("b1-docs.ndjson");
    progress("B1: exporting the %s documents of %s for the raw bulk…", count(), alias);
    long n = dump(docs);
    String index = alias + "-b1raw";
    es.send("DELETE", "/" + index, null, null, null);
    es.json("PUT", "/" + index, Map.of()).ok();
    JsonNode settings = es.get("/" + index + "/_settings").ok().json();
    progress("B1: raw _bulk of %d documents into %s (same template and settings), 2 connections × 1000 docs…", n, index);
    Map<String, Double> cpu0 = sampler.cpu();
    long t0 = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    try (BufferedReader in = Files.newBufferedReader(docs, StandardCharsets.UTF_8)) {
      List<Thread> senders = new ArrayList<>();
      List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int i = 0; i < 2; i++) {
        senders.add(start(() -> {
          try {
            while (true) {
              StringBuilder body = new StringBuilder();
              int docsInBody = 0;
              synchronized (in) {
                String line;
                while (docsInBody < 1000 && (line = in.readLine()) != null) {
                  body.append(line).append('\n');
                  if (!line.startsWith("{\"index\"")) {
                    docsInBody++;
                  }
                }
              }
              if (docsInBody == 0) {
                return;
              }
              JsonNode r = es.ndjson("/" + index + "/_bulk", body.toString()).ok().json();
              if (r.path("errors").asBoolean()) {
                throw new IllegalStateException("bulk item failed: " + r.path("items").get(0));
              }
              sent.addAndGet(docsInBody);
            }
          } catch (Exception e) {
            failures.add(e);
          }
        }, "bench-b1-" + i));
      }
      long lastPrint = System.nanoTime();
      for (Thread t : senders) {
        while (t.isAlive()) {
          t.join(1000);
          if (System.nanoTime() - lastPrint > 5_000_000_000L) {
            progress("B1: %d/%d sent (%.0f docs/s)", sent.get(), n, sent.get() / seconds(t0));
            lastPrint = System.nanoTime();
          }
        }
      }
      if (!failures.isEmpty()) {
        throw failures.get(0);
      }
    }
    es.send("POST", "/" + index + "/_refresh", null, null, null);
    double s = seconds(t0);
    long indexed = es.get("/" + index + "/_count").ok().json().path("count").asLong();
    Map<String, Double> cpu1 = sampler.cpu();
    Map<String, Object> b1 = new LinkedHashMap<>();
    b1.put("documents", indexed);
    b1.put("seconds", Stats.round(s));
    b1.put("docs_per_second", Stats.round(indexed / s));
    b1.put("client", "2 HTTP connections, 1000 documents per _bulk, plain index ops by person_id, one refresh at the end");
    b1.put("index_settings", Json.MAPPER.convertValue(settings.path(index).path("settings").path("index").path("auto_expand_replicas"), Object.class));
    b1.put("cpu_seconds", Sampler.delta(cpu0, cpu1));
    es.send("DELETE", "/" + index, null, null, null);
    Files.deleteIfExists(docs);
    progress("B1 done: %d documents in %.1f s = %.0f docs/s", indexed, s, indexed / s);
    return b1;
  }

  /** The index's documents as _bulk lines (action + source), via scroll. */
  private long dump(Path file) throws Exception {
    long n = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      JsonNode page = es.json("POST", "/" + alias + "/_search?scroll=2m", Map.of("size", 2000, "sort", List.of("_doc"))).ok().json();
      String scroll = page.path("_scroll_id").asText();
      while (page.path("hits").path("hits").size() > 0) {
        for (JsonNode hit : page.path("hits").path("hits")) {
          out.write("{\"index\":{\"_id\":\"" + hit.path("_id").asText() + "\"}}\n");
          out.write(hit.path("_source").toString());
          out.write('\n');
          n++;
        }
        page = es.json("POST", "/_search/scroll", Map.of("scroll", "2m", "scroll_id", scroll)).ok().json();
        scroll = page.path("_scroll_id").asText(scroll);
      }
      es.json("DELETE", "/_search/scroll", Map.of("scroll_id", scroll));
    }
    return n;
  }

  // ------------------------------------------------------------------------------------- targets
  @SuppressWarnings("unchecked")
  private void finishTargets() {
    Map<String, Object> b1 = (Map<String, Object>) report.get("b1");
    Map<String, Object> b5 = (Map<String, Object>) report.get("b5");
    Map<String, Object> b6 = (Map<String, Object>) ((Map<String, Object>) report.get("b6_b7")).get("rate_500");
    double b1Rate = num(b1.get("docs_per_second"));
    double b5Rate = num(b5.get("docs_per_second"));
    b5.put("ratio_to_b1", Math.round(b5Rate / b1Rate * 1000) / 1000.0);
    targets.add(Target.atLeast("B5/B1", "initial load rate ÷ raw bulk rate", Math.round(b5Rate / b1Rate * 1000) / 1000.0, 0.5, "×"));
    targets.add(Target.atMost("B5 writes", "Elasticsearch writes per person during the initial load", num(b5.get("es_writes_per_person")), 1.2, "writes"));
    targets.add(Target.atMost("B6 p99", "source commit → searchable at 500 changes/s, p99", num(((Map<String, Object>) b6.get("freshness")).get("p99_ms")) / 1000.0, 2.0, "s"));
    Object lagZero = b6.get("lag_zero_seconds_after_stop");
    targets.add(Target.atMost("B6 lag", "consumer lag back to 0 after the 500/s load stops", lagZero == null ? Double.POSITIVE_INFINITY : num(lagZero), 10, "s"));
    double b7Limit = o.residents() >= 1_000_000 ? 300 : 150;
    targets.add(Target.atMost("B7 p99", "console search p99 while B6 runs at 500/s", num(((Map<String, Object>) b6.get("b7_search")).get("p99_ms")), b7Limit, "ms"));
    Map<String, Object> b8 = (Map<String, Object>) report.get("b8");
    Map<String, Object> csv = (Map<String, Object>) b8.get("csv");
    Map<String, Object> xlsx = (Map<String, Object>) b8.get("xlsx");
    if (csv != null && csv.containsKey("rows_per_second")) {
      targets.add(Target.atLeast("B8 CSV", "CSV export of the full population", num(csv.get("rows_per_second")), 20_000, "rows/s"));
    } else {
      targets.add(Target.notMeasurable("B8 CSV", "CSV export ≥ 20 000 rows/s", String.valueOf(b8.get("reason"))));
    }
    if (xlsx != null && xlsx.containsKey("rows_per_second")) {
      targets.add(Target.atLeast("B8 XLSX", "XLSX export of the full population", num(xlsx.get("rows_per_second")), 8_000, "rows/s"));
    } else {
      targets.add(Target.notMeasurable("B8 XLSX", "XLSX export ≥ 8 000 rows/s", String.valueOf(b8.get("reason"))));
    }
    if (csv != null && csv.containsKey("heap_growth_mb")) {
      double growth = Math.max(num(csv.get("heap_growth_mb")), xlsx == null ? 0 : num(xlsx.get("heap_growth_mb")));
      targets.add(Target.atMost("B8 heap", "hub heap growth during an export (peak used − used after GC before it)", growth, 64, "MB"));
      if (csv.containsKey("heap_live_growth_mb")) {
        double live = Math.max(num(csv.get("heap_live_growth_mb")), xlsx == null ? 0 : num(xlsx.get("heap_live_growth_mb")));
        targets.add(Target.atMost("B8 live", "hub live heap growth during an export (highest heap after a GC − after GC before it)", live, 64, "MB"));
      }
      if (csv.containsKey("heap_retained_growth_mb")) {
        double retained = Math.max(num(csv.get("heap_retained_growth_mb")), xlsx == null || !xlsx.containsKey("heap_retained_growth_mb") ? 0 : num(xlsx.get("heap_retained_growth_mb")));
        targets.add(Target.atMost("B8 retained", "hub heap an export holds (used after a full GC halfway − after a full GC before it)", retained, 64, "MB"));
      }
    } else {
      targets.add(Target.notMeasurable("B8 heap", "hub heap growth during export ≤ 64 MB", String.valueOf(b8.get("reason"))));
    }
    double stackMb = num(((Map<String, Object>) report.get("stack")).get("peak_rss_mb_total"));
    if (o.residents() <= 100_000) {
      targets.add(Target.atMost("stack RSS", "ES + Kafka + hub resident memory, peak", stackMb / 1024.0, 4.0, "GB"));
    }
    for (Target t : targets) {
      progress("target %-10s %-14s %s %s", t.id(), t.verdict(), Target.fmt(t.measured()) + " " + t.unit(), t.shortfall());
    }
  }

  // ------------------------------------------------------------------------------------- report
  private void write() throws IOException {
    String json = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    Files.writeString(o.out().resolve("report.json"), json);
    Files.writeString(o.out().resolve("report.md"), ReportMarkdown.render(report, targets));
    progress("report: %s and %s", o.out().resolve("report.json"), o.out().resolve("report.md"));
  }

  private Map<String, Object> profile(String file) {
    try {
      return JfrSummary.summarise(o.out().resolve(file), 12);
    } catch (Exception e) {
      return Map.of("error", e.toString());
    }
  }

  private long count() throws IOException, InterruptedException {
    Http.Answer a = es.get("/" + alias + "/_count");
    return a.status() == 200 ? a.json().path("count").asLong() : 0;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    try {
      m.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
      String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
      m.put("memory", mem.replaceAll("\\s+", " "));
    } catch (IOException e) {
      // not Linux
    }
    m.put("java", System.getProperty("java.version"));
    // settings the hub inherits from this environment; secrets left out by name
    Map<String, String> settings = new java.util.TreeMap<>();
    System.getenv().forEach((k, v) -> {
      if (k.startsWith("HUB_") && !k.matches(".*(SECRET|PASSWORD|TOKEN|KEY).*")) {
        settings.put(k, v);
      }
    });
    m.put("hub_settings_from_env", settings);
    return m;
  }

  private static Thread start(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static long mb(long bytes) {
    return bytes <= 0 ? 0 : bytes / (1024 * 1024);
  }

  private static Map<String, Long> mbMap(Map<String, Long> bytes) {
    Map<String, Long> m = new LinkedHashMap<>();
    bytes.forEach((k, v) -> m.put(k, mb(v)));
    return m;
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
