package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * 人社局's MariaDB system ({@code dept_rsj}) with the 金保工程 names: ac01 persons (aac006 an int
 * such as 19500302), ac02 insurances (composite key), jy_sydj unemployment registrations.
 */
public final class RsjSystem implements DatabaseDepartment {

  private static final long SALT = 0x52534AL;

  @Override
  public String source() {
    return "rsj";
  }

  @Override
  public Engine engine() {
    return Engine.MARIADB;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ac01 (aac001 varchar(20) PRIMARY KEY, aac002 varchar(18), aac003 varchar(64), aac004 char(1), aac006 int, "
          + "aab004 varchar(100), aca111 varchar(32), aae036 datetime DEFAULT CURRENT_TIMESTAMP) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE ac02 (aac001 varchar(20) NOT NULL, aae140 char(3) NOT NULL, aac031 char(1), aae036 datetime DEFAULT CURRENT_TIMESTAMP, "
          + "PRIMARY KEY (aac001, aae140)) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE jy_sydj (id bigint PRIMARY KEY, aac002 varchar(18), djrq date, zxrq date NULL, jykn char(1) DEFAULT '0') DEFAULT CHARSET=utf8mb4");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    LocalDateTime now = world.extractedAt();
    c.setAutoCommit(false);
    try (Batch ac01 = new Batch(c, "INSERT INTO ac01 (aac001,aac002,aac003,aac004,aac006,aab004,aca111,aae036) VALUES (?,?,?,?,?,?,?,?)", progress);
        Batch ac02 = new Batch(c, "INSERT INTO ac02 (aac001,aae140,aac031,aae036) VALUES (?,?,?,?)", progress);
        Batch sydj = new Batch(c, "INSERT INTO jy_sydj (id,aac002,djrq,zxrq,jykn) VALUES (?,?,?,?,?)", progress)) {
      long unemployed = 0;
      for (SimPerson p : world.people()) {
        SimPerson.Work work = p.work();
        if (work == null && p.unemployment() == null) {
          continue;
        }
        String aac001 = personNo(p);
        String id = dirt.id(p, r, true, false);
        LocalDateTime changed = now.minusMinutes(r.nextInt(2_000_000));
        ac01.add(aac001, id, p.name(), p.sexCode(), Integer.parseInt(p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)),
            work == null ? null : work.employer(), work == null ? null : work.occupation(), changed);
        report.id("ac01", id, p);
        if (work != null && work.pension() != null) {
          ac02.add(aac001, work.pension(), work.pensionState(), changed);
          // Some employees paid into the residents' scheme before: a terminated second insurance.
          if (!work.pension().equals("170") && Draw.chance(r, 0.1)) {
            ac02.add(aac001, "170", "3", changed.minusDays(400));
          }
        }
        if (p.unemployment() != null) {
          SimPerson.Unemployment u = p.unemployment();
          sydj.add(++unemployed, id, u.registered(), u.cancelled(), u.difficult() ? "1" : "0");
          report.id("jy_sydj", id, p);
        }
      }
      report.rows("ac01", ac01.count()).rows("ac02", ac02.count()).rows("jy_sydj", sydj.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }

  /** 个人编号: 3708 + 10 digits. */
  static String personNo(SimPerson p) {
    return "3708" + String.format("%010d", 1_000_000_000L + p.seq() * 7);
  }
}
