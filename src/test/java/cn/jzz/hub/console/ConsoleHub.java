package cn.jzz.hub.console;

import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.readside.ReadFixtures;
import cn.jzz.hub.security.PasswordHasher;
import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.GajWorld;
import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.TestHub;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;

/**
 * A hub started like the demo for the console's browser tests: the simulated 公安局 in PostgreSQL read
 * by CDC through the whole pipeline, plus the read side's housing fixture (compounds, buildings,
 * grids, every tag group, provenance and conflicts) indexed beside it, since the simulated world
 * has no housing departments yet. Users: {@code admin} (TestHub's), {@code grid} (a grid worker of
 * {@link ReadFixtures#YUTANG}).
 */
final class ConsoleHub implements AutoCloseable {

  static final String PASSWORD = "Cn-" + UUID.randomUUID();
  static final String DATABASE = "dept_gaj_cont2";
  static final String SLOT = "hub_gaj_cont2";
  static final int GAJ_PEOPLE = 120;
  static final int FIXTURE_PEOPLE = 240;

  final TestHub hub;
  final List<Map<String, Object>> fixture;
  final String base;
  private final Path dir;

  private ConsoleHub(TestHub hub, List<Map<String, Object>> fixture, Path dir) {
    this.hub = hub;
    this.fixture = fixture;
    this.dir = dir;
    this.base = "http://127.0.0.1:" + hub.bean(Environment.class).getProperty("local.server.port");
  }

  static ConsoleHub start() throws Exception {
    String ns = "cont2" + Long.toString(System.nanoTime(), 36);
    Path dir = Files.createTempDirectory("console-it");
    Path connectors = Files.createDirectories(dir.resolve("connectors"));

    GajWorld.Loaded world = GajWorld.load(DATABASE, SLOT, 11, GAJ_PEOPLE);
    List<SimPerson> people = world.people();
    GajSystem.Written written = world.written();
    Files.writeString(connectors.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + DATABASE + "\n  tables: [rk_jbxx, ldrk_djxx]\n  slot: " + SLOT + "\n  publication: " + SLOT + "\n");

    Map<String, Object> p = TestHub.properties(ns, dir.resolve("data"), connectors);
    p.put("hub.security.users[0].username", "grid");
    p.put("hub.security.users[0].password-hash", PasswordHasher.hash(PASSWORD));
    p.put("hub.security.users[0].role", "grid_worker@" + ReadFixtures.YUTANG);
    p.put("hub.security.token-requests-per-minute", "100");
    p.put("hub.exports.dir", dir.resolve("exports").toString());
    p.put("hub.routes-dir", Files.createDirectories(dir.resolve("routes")).toString());
    TestHub hub = TestHub.start(p);

    List<Map<String, Object>> fixture = ReadFixtures.population(FIXTURE_PEOPLE, hub.bean(PersonIds.class));
    ElasticsearchClient es = hub.bean(ElasticsearchClient.class);
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(ns + "-residents");
    for (Map<String, Object> d : fixture) {
      bulk.operations(o -> o.index(i -> i.id((String) d.get("person_id")).document(d)));
    }
    if (es.bulk(bulk.build()).errors()) {
      throw new AssertionError("indexing the housing fixture failed");
    }
    long expected = written.acceptedIds().size() + FIXTURE_PEOPLE;
    ResidentIndex index = hub.bean(ResidentIndex.class);
    Await.until("the index to hold the gaj world and the fixture (" + expected + ")", Duration.ofSeconds(120), () -> {
      index.refresh();
      return index.count();
    }, count -> count == expected);
    return new ConsoleHub(hub, fixture, dir);
  }

  @Override
  public void close() throws Exception {
    hub.close();
    DemoWorld.recreateDatabase(ItServices.postgres(), DATABASE, SLOT);
    try (Connection c = DriverManager.getConnection(ItServices.postgres().jdbcUrl("postgres"), "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
