package cn.jzz.hub.support;

import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.sim.Population;
import cn.jzz.hub.sim.SimPerson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The 公安局 database of an IT: recreated with its replication slot, then a generated population written to it. */
public final class GajWorld {

  /** The people generated, and what the department's system accepted of them. */
  public record Loaded(List<SimPerson> people, GajSystem.Written written) {}

  private GajWorld() {}

  public static Loaded load(String database, String slot, long seed, int residents) throws Exception {
    DemoWorld.recreateDatabase(ItServices.postgres(), database, slot);
    List<SimPerson> people = Population.generate(seed, residents, LocalDate.now(DemoWorld.LOCAL));
    try (Connection c = DriverManager.getConnection(ItServices.postgres().jdbcUrl(database) + "?reWriteBatchedInserts=true", "postgres", "postgres")) {
      GajSystem.createSchema(c);
      return new Loaded(people, GajSystem.write(c, people, seed, LocalDateTime.now(DemoWorld.LOCAL)));
    }
  }
}
