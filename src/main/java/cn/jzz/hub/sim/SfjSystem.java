package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** 司法局's MariaDB system ({@code dept_sfj}): 社区矫正 (在矫/解矫) and 刑满释放 records, polled on update_time. */
public final class SfjSystem implements DatabaseDepartment {

  private static final long SALT = 0x53464AL;

  @Override
  public String source() {
    return "sfj";
  }

  @Override
  public Engine engine() {
    return Engine.MARIADB;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE sqjz_jzdx (id bigint PRIMARY KEY, xm varchar(64), sfzh varchar(18), jzlb varchar(16), jzqsrq date, jzzzrq date, "
          + "zt varchar(8), update_time datetime DEFAULT CURRENT_TIMESTAMP) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE azbj_xmsf (id bigint PRIMARY KEY, xm varchar(64), sfzh varchar(18), sfrq date, update_time datetime DEFAULT CURRENT_TIMESTAMP) DEFAULT CHARSET=utf8mb4");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    c.setAutoCommit(false);
    try (Batch jz = new Batch(c, "INSERT INTO sqjz_jzdx (id,xm,sfzh,jzlb,jzqsrq,jzzzrq,zt,update_time) VALUES (?,?,?,?,?,?,?,?)", progress);
        Batch xmsf = new Batch(c, "INSERT INTO azbj_xmsf (id,xm,sfzh,sfrq,update_time) VALUES (?,?,?,?,?)", progress)) {
      for (SimPerson p : world.people()) {
        if (p.correction() != null) {
          SimPerson.Correction k = p.correction();
          boolean active = k.active(world.today());
          String id = dirt.id(p, r, false, false);
          jz.add(p.seq(), p.name(), id, k.category(), k.start(), k.end(), active ? "在矫" : "解矫",
              (active ? k.start() : k.end()).atTime(10, 0).plusMinutes(r.nextInt(400)));
          report.id("sqjz_jzdx", id, p);
        }
        if (p.releasedOn() != null) {
          String id = dirt.id(p, r, false, false);
          xmsf.add(p.seq(), p.name(), id, p.releasedOn(), p.releasedOn().plusDays(r.nextInt(20)).atTime(15, 0));
          report.id("azbj_xmsf", id, p);
        }
      }
      report.rows("sqjz_jzdx", jz.count()).rows("azbj_xmsf", xmsf.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
