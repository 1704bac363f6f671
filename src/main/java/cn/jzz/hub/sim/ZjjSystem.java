package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Places.Building;
import cn.jzz.hub.sim.Places.Compound;
import cn.jzz.hub.sim.Places.House;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * 住建局's PostgreSQL system ({@code dept_zjj}): reference data only — compounds, buildings (ldh in
 * four styles) and houses. No person data.
 */
public final class ZjjSystem implements DatabaseDepartment {

  @Override
  public String source() {
    return "zjj";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE xq_xx (xqbm varchar(20) PRIMARY KEY, xqmc varchar(100), sqdm char(12), xqlx char(1), wyqy varchar(100))");
      s.execute("CREATE TABLE ld_xx (ldbm varchar(24) PRIMARY KEY, xqbm varchar(20), ldh varchar(16), dys int, lcs int)");
      s.execute("CREATE TABLE fw_xx (fwbm varchar(32) PRIMARY KEY, ldbm varchar(24), dyh varchar(8), lc int, fh varchar(8), fwyt char(1) DEFAULT '1', cqxz varchar(32))");
      for (String table : new String[] {"xq_xx", "ld_xx", "fw_xx"}) {
        s.execute("ALTER TABLE " + table + " REPLICA IDENTITY FULL");
      }
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    c.setAutoCommit(false);
    try (Batch xq = new Batch(c, "INSERT INTO xq_xx (xqbm,xqmc,sqdm,xqlx,wyqy) VALUES (?,?,?,?,?)", progress);
        Batch ld = new Batch(c, "INSERT INTO ld_xx (ldbm,xqbm,ldh,dys,lcs) VALUES (?,?,?,?,?)", progress);
        Batch fw = new Batch(c, "INSERT INTO fw_xx (fwbm,ldbm,dyh,lc,fh,fwyt,cqxz) VALUES (?,?,?,?,?,?,?)", progress)) {
      for (Compound q : world.compounds()) {
        xq.add(q.code(), q.name(), q.communityCode(), q.type(), q.propertyCompany());
        if (q.propertyCompany() == null) {
          report.dirt("no-property-company");
        }
      }
      for (Building b : world.buildings()) {
        ld.add(b.code(), b.compoundCode(), b.ldh(), b.units(), b.floors());
      }
      for (House h : world.houses()) {
        fw.add(h.code(), h.buildingCode(), Integer.toString(h.unit()), h.floor(), h.room(), h.use(), h.tenure());
      }
      report.rows("xq_xx", xq.count()).rows("ld_xx", ld.count()).rows("fw_xx", fw.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
