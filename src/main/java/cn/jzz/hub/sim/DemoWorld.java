package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds the departmental systems of the demo from a seeded world, replacing what an earlier run
 * left: every database department in its own database ({@code dept_<source>} unless renamed), the file
 * departments' dumps in {@code <inbox>/<source>/}, and the API datasets in memory for the simulators.
 * Runs before any connector starts, so the hub's first read is the initial load. Afterwards it tells
 * what the hub should end with ({@link #expectedIds()}, {@link #expectedStatuses()}).
 */
public final class DemoWorld {

  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

  /** Every database department, in the order they are written. */
  public static List<DatabaseDepartment> databaseDepartments() {
    return List.of(new GajSystem(), new ZfwSystem(), new YbjSystem(), new RsjSystem(), new ZjjSystem(), new ZrzyjSystem(), new JyjSystem(),
        new MzjSystem(), new ZzbSystem(), new SfjSystem());
  }

  public static List<FileDepartment> fileDepartments() {
    return List.of(new CljFile(), new XfjFile(), new TyjrjFile(), new FlFile());
  }

  /**
   * How to build the world.
   *
   * @param inbox the directory file departments drop into ({@code <inbox>/<source>/})
   * @param databaseSuffix appended to every {@code dept_<source>} database name (tests use their own)
   * @param threads how many departments are written at once
   */
  public record Settings(long seed, int residents, LocalDate today, Path schemasDir, Path inbox, Dirt dirt, String databaseSuffix, int threads) {

    public Settings {
      if (residents < 1) {
        throw new IllegalArgumentException("hub.demo.residents must be at least 1, got " + residents);
      }
      if (!databaseSuffix.matches("[a-z0-9_]*")) {
        throw new IllegalArgumentException("a database suffix may hold only a-z, 0-9 and _, got '" + databaseSuffix + "'");
      }
    }

    public static Settings of(long seed, int residents, Path inbox) {
      return new Settings(seed, residents, LocalDate.now(LOCAL), Path.of("schemas"), inbox, Dirt.defaults(), "", 3);
    }

    public Settings withSuffix(String suffix) {
      return new Settings(seed, residents, today, schemasDir, inbox, dirt, suffix, threads);
    }

    public Settings withDirt(Dirt newDirt) {
      return new Settings(seed, residents, today, schemasDir, inbox, newDirt, databaseSuffix, threads);
    }

    public Settings withSchemasDir(Path dir) {
      return new Settings(seed, residents, today, dir, inbox, dirt, databaseSuffix, threads);
    }

    public String database(String source) {
      return "dept_" + source + databaseSuffix;
    }
  }

  private final HubProperties.Postgres postgres;
  private final HubProperties.Mariadb mariadb;
  private final Settings settings;
  private final SimWorld world;
  private final List<DepartmentReport> reports = new ArrayList<>();
  private final Map<String, ApiDatasets.Dataset> datasets = new LinkedHashMap<>();
  private Expectations expectations;

  public DemoWorld(HubProperties.Postgres postgres, HubProperties.Mariadb mariadb, Settings settings) {
    this.postgres = postgres;
    this.mariadb = mariadb;
    this.settings = settings;
    this.world = Population.world(settings.seed(), settings.residents(), settings.today(), Geography.load(settings.schemasDir()));
  }

  public SimWorld world() {
    return world;
  }

  public List<SimPerson> people() {
    return world.people();
  }

  public Settings settings() {
    return settings;
  }

  /** Writes every department; {@code out} receives progress lines. */
  public void build(Consumer<String> out) throws SQLException, IOException {
    Progress progress = new Progress(out);
    reports.clear();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
      Thread t = new Thread(r, "demo.world");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<DepartmentReport>> pending = new ArrayList<>();
      for (DatabaseDepartment d : databaseDepartments()) {
        pending.add(pool.submit(() -> writeDatabase(d, progress.forSource(d.source()))));
      }
      for (FileDepartment f : fileDepartments()) {
        pending.add(pool.submit(() -> writeFiles(f, progress)));
      }
      for (Future<DepartmentReport> f : pending) {
        reports.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("building the demo world was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s) {
        throw s;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("building the demo world failed: " + cause.getMessage(), cause);
    } finally {
      pool.shutdownNow();
    }
    datasets.clear();
    for (String resource : ApiDatasets.WJW) {
      putDataset("wjw", resource);
    }
    for (String resource : ApiDatasets.ISHANDONG) {
      putDataset("ishandong", resource);
    }
    for (String source : List.of("wjw", "ishandong")) {
      Map<String, Integer> rows = new LinkedHashMap<>();
      Map<String, Set<String>> accepted = new LinkedHashMap<>();
      datasets.values().stream().filter(d -> d.source().equals(source)).forEach(d -> {
        rows.putAll(d.report().rows());
        accepted.putAll(d.report().accepted());
      });
      DepartmentReport api = new DepartmentReport(source, rows, Map.of(), accepted);
      reports.add(api);
      out.accept("hub: world: " + api);
    }
    expectations = Expectations.of(world, reports);
    writeCommunityList();
    out.accept("hub: world: " + world.people().size() + " residents, " + expectations.ids().size() + " expected in the hub; grid worker's community "
        + world.busiestCommunity().code() + " " + world.busiestCommunity().name());
  }

  private void putDataset(String source, String resource) {
    datasets.put(source + "/" + resource, ApiDatasets.build(world, source, resource, settings.dirt()));
  }

  private DepartmentReport writeDatabase(DatabaseDepartment d, Progress progress) throws SQLException {
    String database = settings.database(d.source());
    long started = System.nanoTime();
    DepartmentReport report;
    if (d.engine() == DatabaseDepartment.Engine.POSTGRESQL) {
      recreateDatabase(postgres, database, "hub_" + d.source());
      try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database) + "?reWriteBatchedInserts=true", postgres.user(), postgres.password())) {
        d.createTables(c);
        report = d.write(c, world, settings.dirt(), progress);
      }
    } else {
      recreateDatabase(mariadb, database);
      try (Connection c = DriverManager.getConnection(mariadb.jdbcUrl(database) + "?rewriteBatchedStatements=true&useBulkStmts=true", mariadb.user(), mariadb.password())) {
        d.createTables(c);
        report = d.write(c, world, settings.dirt(), progress);
      }
    }
    progress.line(String.format("hub: world: %s (%s, %.1f s)", report, database, (System.nanoTime() - started) / 1e9));
    return report;
  }

  private DepartmentReport writeFiles(FileDepartment f, Progress progress) throws IOException {
    Path directory = settings.inbox().resolve(f.source());
    Files.createDirectories(directory);
    // A full dump replaces the last one: an earlier run's dumps must not linger in the inbox.
    try (var old = Files.list(directory)) {
      for (Path p : old.toList()) {
        if (Files.isRegularFile(p)) {
          Files.delete(p);
        }
      }
    }
    DepartmentReport report = f.write(directory, world, settings.dirt());
    progress.line("hub: world: " + report + " (" + directory + ")");
    return report;
  }

  /** The demo's communities with their residents, busiest first: the first is the grid worker's. */
  private void writeCommunityList() throws IOException {
    Map<String, Long> counts = world.people().stream().collect(Collectors.groupingBy(SimPerson::communityCode, Collectors.counting()));
    StringBuilder csv = new StringBuilder("code,name,township_code,residents,grid_worker\n");
    String busiest = world.busiestCommunity().code();
    world.communities().stream()
        .sorted((a, b) -> a.code().equals(busiest) ? -1 : b.code().equals(busiest) ? 1 : Long.compare(counts.getOrDefault(b.code(), 0L), counts.getOrDefault(a.code(), 0L)))
        .forEach(c -> csv.append(c.code()).append(',').append(c.name()).append(',').append(c.townshipCode()).append(',')
            .append(counts.getOrDefault(c.code(), 0L)).append(',').append(c.code().equals(busiest) ? "yes" : "").append('\n'));
    Files.createDirectories(settings.inbox());
    Files.writeString(communityListFile(), csv.toString(), StandardCharsets.UTF_8);
  }

  /** {@code <inbox>/../demo-communities.csv}: beside the inbox, so no file connector reads it. */
  public Path communityListFile() {
    Path parent = settings.inbox().toAbsolutePath().getParent();
    return (parent == null ? settings.inbox() : parent).resolve("demo-communities.csv");
  }

  public List<DepartmentReport> reports() {
    return List.copyOf(reports);
  }

  /** The ID numbers of the people the hub should hold once it has read everything (see {@link Expectations}). */
  public Set<String> expectedIds() {
    return built().ids();
  }

  /** ID number → the status the hub should show (在册, 死亡, 迁出, 注销). */
  public Map<String, String> expectedStatuses() {
    return built().statuses();
  }

  /** The grid worker's community: the one with the most residents. */
  public Geography.Community gridWorkerCommunity() {
    return world.busiestCommunity();
  }

  /** The records the wjw and ishandong simulators serve (built with this world's dirt). */
  public List<Map<String, Object>> apiRecords(String source, String resource) {
    ApiDatasets.Dataset d = datasets.get(source + "/" + resource);
    return d != null ? d.records() : world.apiRecords(source, resource, settings.dirt());
  }

  private Expectations built() {
    if (expectations == null) {
      throw new IllegalStateException("the demo world is not built yet: call build() first");
    }
    return expectations;
  }

  /** Drops the database and every replication slot on it (a slot keeps WAL and blocks the drop). */
  public static void recreateDatabase(HubProperties.Postgres postgres, String database, String slot) throws SQLException {
    try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        Statement s = admin.createStatement()) {
      try (PreparedStatement terminate =
          admin.prepareStatement("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE (slot_name = ? OR database = ?) AND active_pid IS NOT NULL")) {
        terminate.setString(1, slot);
        terminate.setString(2, database);
        terminate.execute();
      }
      try (PreparedStatement drop = admin.prepareStatement("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = ?")) {
        drop.setString(1, database);
        drop.execute();
      }
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
    }
  }

  /** Drops and creates a MariaDB database in utf8mb4. */
  public static void recreateDatabase(HubProperties.Mariadb mariadb, String database) throws SQLException {
    try (Connection admin = DriverManager.getConnection(mariadb.jdbcUrl(""), mariadb.user(), mariadb.password());
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database);
      s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  /** Drops every database {@code settings} names (tests clean up with it). */
  public static void dropAll(HubProperties.Postgres postgres, HubProperties.Mariadb mariadb, Settings settings) throws SQLException {
    for (DatabaseDepartment d : databaseDepartments()) {
      String database = settings.database(d.source());
      if (d.engine() == DatabaseDepartment.Engine.POSTGRESQL) {
        recreateDatabase(postgres, database, "hub_" + d.source());
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
            Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
      } else {
        try (Connection admin = DriverManager.getConnection(mariadb.jdbcUrl(""), mariadb.user(), mariadb.password());
            Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + database);
        }
      }
    }
  }
}
