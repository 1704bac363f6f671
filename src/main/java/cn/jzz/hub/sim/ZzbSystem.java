package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** 组织部's PostgreSQL system ({@code dept_zzb}): dy_xx party members, 党员中心户 and 楼栋长 as 是/否. */
public final class ZzbSystem implements DatabaseDepartment {

  private static final long SALT = 0x5A5A42L;

  @Override
  public String source() {
    return "zzb";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dy_xx (dyid bigint PRIMARY KEY, sfzh varchar(18), xm varchar(64), rdrq date, dylx varchar(8), szdzb varchar(100), "
          + "sfdyzxh varchar(2) DEFAULT '否', sfldz varchar(2) DEFAULT '否', gxsj timestamp DEFAULT localtimestamp)");
      s.execute("CREATE INDEX dy_xx_gxsj ON dy_xx (gxsj)");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    c.setAutoCommit(false);
    try (Batch rows = new Batch(c, "INSERT INTO dy_xx (dyid,sfzh,xm,rdrq,dylx,szdzb,sfdyzxh,sfldz,gxsj) VALUES (?,?,?,?,?,?,?,?,?)", progress)) {
      for (SimPerson p : world.people()) {
        SimPerson.PartyMember m = p.party();
        if (m == null) {
          continue;
        }
        String id = dirt.id(p, r, false, false);
        rows.add(p.seq(), id, p.name(), m.joined(), m.type(), m.branch(), m.centralHousehold() ? "是" : "否", m.buildingLeader() ? "是" : "否",
            world.extractedAt().minusMinutes(r.nextInt(1_000_000)));
        report.id("dy_xx", id, p);
      }
      report.rows("dy_xx", rows.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
