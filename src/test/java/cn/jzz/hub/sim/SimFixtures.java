package cn.jzz.hub.sim;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;

/** One shared world for the unit tests (drawing it takes a moment), and helpers to write departments in memory. */
final class SimFixtures {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final Geography GEOGRAPHY = Geography.load(Path.of("schemas"));
  private static SimWorld world;

  private SimFixtures() {}

  /** 20 000 residents, seed 42: big enough that rates settle and rare groups appear. */
  static synchronized SimWorld world() {
    if (world == null) {
      world = Population.world(42, 20_000, TODAY, GEOGRAPHY);
    }
    return world;
  }

  static RecordingJdbc write(DatabaseDepartment department, SimWorld world, Dirt dirt) throws SQLException {
    RecordingJdbc jdbc = new RecordingJdbc();
    department.createTables(jdbc.connection());
    department.write(jdbc.connection(), world, dirt, Progress.silent());
    return jdbc;
  }
}
