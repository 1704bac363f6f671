package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the departmental systems of the demo from a seeded population, replacing what an earlier run
 * left. Runs before any connector starts, so the hub's first read is the initial load.
 */
public final class DemoWorld {

  private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);
  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

  private final HubProperties.Postgres postgres;
  private final List<SimPerson> people;
  private final long seed;
  private GajSystem.Written gaj;

  public DemoWorld(HubProperties.Postgres postgres, long seed, int residents) {
    this.postgres = postgres;
    this.seed = seed;
    this.people = Population.generate(seed, residents, LocalDate.now(LOCAL));
  }

  public List<SimPerson> people() {
    return people;
  }

  /** The person ids' ID numbers the hub should end up with. */
  public java.util.Set<String> expectedIds() {
    return gaj.acceptedIds();
  }

  public GajSystem.Written gaj() {
    return gaj;
  }

  public void build() throws SQLException {
    recreateDatabase(postgres, GajSystem.DATABASE, "hub_gaj");
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(GajSystem.DATABASE) + "?reWriteBatchedInserts=true", postgres.user(), postgres.password())) {
      GajSystem.createSchema(c);
      gaj = GajSystem.write(c, people, seed, LocalDateTime.now(LOCAL));
    }
    log.info("demo world: dept_gaj has {} rows ({} with a bad ID number, {} cancelled registrations)", gaj.rows(), gaj.badIds(), gaj.cancelled());
  }

  /** Drops the database and the hub's replication slot on it (a slot keeps WAL and blocks the drop). */
  public static void recreateDatabase(HubProperties.Postgres postgres, String database, String slot) throws SQLException {
    try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
        Statement s = admin.createStatement()) {
      try (PreparedStatement terminate =
          admin.prepareStatement("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = ? AND active_pid IS NOT NULL")) {
        terminate.setString(1, slot);
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
}
