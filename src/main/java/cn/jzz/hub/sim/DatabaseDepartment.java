package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A department whose system is a database: it creates its tables (unquoted names, so PostgreSQL
 * stores them in lower case) and writes its slice of the world, dirt included, in one transaction.
 */
public interface DatabaseDepartment {

  /** The engine a department's database runs on. */
  enum Engine {
    POSTGRESQL,
    MARIADB
  }

  /** The source id of sources.yaml, e.g. {@code mzj}. */
  String source();

  Engine engine();

  void createTables(Connection c) throws SQLException;

  DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException;
}
