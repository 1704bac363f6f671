package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * 教育局's PostgreSQL system ({@code dept_jyj}): xs_jbxx students. xjh is the 全国学籍号 {@code G} + ID
 * number; sfzjlx {@code 6} marks a 港澳台居民居住证; lsrt {@code 2} (both parents away) is 留守儿童.
 */
public final class JyjSystem implements DatabaseDepartment {

  private static final long SALT = 0x4A594AL;

  @Override
  public String source() {
    return "jyj";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE xs_jbxx (xsid bigint PRIMARY KEY, xjh varchar(20), sfzjlx char(1) DEFAULT '1', sfzjh varchar(18), xm varchar(64), xbm char(1), "
          + "csrq date, xxmc varchar(100), njmc varchar(16), xjzt char(2) DEFAULT '01', lsrt char(1) DEFAULT '0', gxsj timestamp DEFAULT localtimestamp)");
      s.execute("ALTER TABLE xs_jbxx REPLICA IDENTITY FULL");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    c.setAutoCommit(false);
    try (Batch rows = new Batch(c, "INSERT INTO xs_jbxx (xsid,xjh,sfzjlx,sfzjh,xm,xbm,csrq,xxmc,njmc,xjzt,lsrt,gxsj) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", progress)) {
      for (SimPerson p : world.people()) {
        SimPerson.Student s = p.student();
        if (s == null) {
          continue;
        }
        String id = dirt.id(p, r, false, false);
        String type = isHmt(p.idNumber()) ? "6" : "1";
        rows.add(p.seq(), "G" + p.idNumber(), type, id, p.name(), p.sexCode(), p.birthDate(), s.school(), s.grade(), s.state(), s.lsrt(),
            world.extractedAt().minusMinutes(r.nextInt(500_000)));
        report.id("xs_jbxx", id, p);
      }
      report.rows("xs_jbxx", rows.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }

  static boolean isHmt(String id) {
    return id.startsWith("81") || id.startsWith("82") || id.startsWith("83");
  }
}
