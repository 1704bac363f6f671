package cn.jzz.hub.bench;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.sim.Population;
import cn.jzz.hub.sim.SimPerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The departmental systems for a bench or fault run, in databases of their own ({@code dept_gaj_<suffix>})
 * so that they never touch the demo's or another engineer's, with a {@code connectors/} folder that points
 * the hub at them.
 */
public final class BenchWorld {

  public static final HubProperties.Postgres POSTGRES = new HubProperties.Postgres("127.0.0.1", 5432, "postgres", "postgres");

  private final String suffix;
  private final long seed;
  private final int residents;
  private List<SimPerson> people;
  private GajSystem.Written gaj;

  public BenchWorld(String suffix, long seed, int residents) {
    this.suffix = suffix;
    this.seed = seed;
    this.residents = residents;
  }

  public String gajDatabase() {
    return GajSystem.DATABASE + "_" + suffix;
  }

  public String gajSlot() {
    return "hub_gaj_" + suffix;
  }

  public List<SimPerson> people() {
    return people;
  }

  public GajSystem.Written gaj() {
    return gaj;
  }

  /** How many residents the index should end up with. */
  public int expected() {
    return gaj.acceptedIds().size();
  }

  public BenchWorld build() throws SQLException {
    people = Population.generate(seed, residents, LocalDate.now(DemoWorld.LOCAL));
    DemoWorld.recreateDatabase(POSTGRES, gajDatabase(), gajSlot());
    try (Connection c = gajConnection()) {
      GajSystem.createSchema(c);
      gaj = GajSystem.write(c, people, seed, LocalDateTime.now(DemoWorld.LOCAL));
    }
    return this;
  }

  /** Writes {@code connectors/gaj.yaml} for this world into {@code dir}; returns dir. */
  public Path writeConnectors(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + gajDatabase() + "\n  tables: [rk_jbxx, ldrk_djxx]\n  slot: " + gajSlot()
            + "\n  publication: " + gajSlot() + "\n");
    return dir;
  }

  public Connection gajConnection() throws SQLException {
    return DriverManager.getConnection(POSTGRES.jdbcUrl(gajDatabase()) + "?reWriteBatchedInserts=true", POSTGRES.user(), POSTGRES.password());
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = gajConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Drops the databases and replication slots of this world. */
  public void drop() throws SQLException {
    DemoWorld.recreateDatabase(POSTGRES, gajDatabase(), gajSlot());
    try (Connection c = DriverManager.getConnection(POSTGRES.jdbcUrl("postgres"), POSTGRES.user(), POSTGRES.password()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + gajDatabase() + " WITH (FORCE)");
    }
  }

  /** The rk_jbxx key of a registered person. */
  public static long ryid(SimPerson p) {
    return 1_000_000 + p.seq();
  }
}
