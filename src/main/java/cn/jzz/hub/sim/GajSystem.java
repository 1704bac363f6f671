package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * 公安局's PostgreSQL system ({@code dept_gaj}): RK_JBXX 户籍人口, LDRK_DJXX 流动人口 and JD_SQJD 社区戒毒,
 * with the columns, codes and dirt departments.md describes (15-digit legacy numbers, lower-case x,
 * mistyped check characters, old 3/4 sex codes, cancelled migrant registrations).
 */
public final class GajSystem implements DatabaseDepartment {

  public static final String DATABASE = "dept_gaj";
  /** RYID = this + seq (tests address rows by it). */
  public static final long RYID_BASE = 1_000_000;
  public static final long LDRK_ID_BASE = 5_000_000;
  static final long ID_SALT = 0x6A6AL;

  /** The result of writing the department's slice, as the gaj slice test reads it. */
  public record Written(int rows, Set<String> acceptedIds, int badIds, int cancelled) {}

  @Override
  public String source() {
    return "gaj";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    createSchema(c);
  }

  public static void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE RK_JBXX (RYID bigint PRIMARY KEY, GMSFHM varchar(18), XM varchar(64), XB char(1), MZ char(2), "
              + "CSRQ char(8), HJDZ_XZQH char(6), HJDZ_QHNXXDZ varchar(200), HH varchar(20), YHZGX char(2), WHCD char(2), "
              + "HYZK char(2), ZZMM char(2), ZJXY char(2), RYZT char(1) DEFAULT '0', GXSJ timestamp DEFAULT localtimestamp)");
      s.execute(
          "CREATE TABLE LDRK_DJXX (ID bigint PRIMARY KEY, GMSFHM varchar(18), XM varchar(64), XB char(1), CSRQ char(8), "
              + "HJDZ_XZQH char(6), XZZ_DZ varchar(200), DJRQ date, ZXBZ char(1) DEFAULT '0')");
      s.execute("CREATE TABLE JD_SQJD (ID bigint PRIMARY KEY, GMSFHM varchar(18), XM varchar(64), KSRQ date, JSRQ date)");
      // The department's DBA grants this for us: deletes and updates then carry the whole before-image.
      for (String table : List.of("RK_JBXX", "LDRK_DJXX", "JD_SQJD")) {
        s.execute("ALTER TABLE " + table + " REPLICA IDENTITY FULL");
      }
    }
  }

  /** Writes RK_JBXX and LDRK_DJXX for {@code people} with the default dirt (the slice test's entry point). */
  public static Written write(Connection c, List<SimPerson> people, long seed, LocalDateTime now) throws SQLException {
    DepartmentReport report = writeRows(c, people, seed, now, Dirt.defaults(), Progress.silent(), false);
    return written(report);
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    return writeRows(c, world.people(), world.seed(), world.extractedAt(), dirt, progress, true);
  }

  /** The slice test's view of a report: people from RK_JBXX and LDRK_DJXX. */
  static Written written(DepartmentReport report) {
    Set<String> accepted = new java.util.HashSet<>(report.accepted("rk_jbxx"));
    accepted.addAll(report.accepted("ldrk_djxx"));
    return new Written(report.rows().getOrDefault("rk_jbxx", 0) + report.rows().getOrDefault("ldrk_djxx", 0), accepted,
        report.dirt().getOrDefault("bad-id", 0), report.dirt().getOrDefault("cancelled", 0));
  }

  private static DepartmentReport writeRows(Connection c, List<SimPerson> people, long seed, LocalDateTime now, Dirt dirt, Progress progress, boolean rehab)
      throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder("gaj");
    c.setAutoCommit(false);
    try (Batch rk = new Batch(c, "INSERT INTO RK_JBXX (RYID,GMSFHM,XM,XB,MZ,CSRQ,HJDZ_XZQH,HJDZ_QHNXXDZ,HH,YHZGX,WHCD,HYZK,ZZMM,ZJXY,RYZT,GXSJ) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", progress);
        Batch ld = new Batch(c, "INSERT INTO LDRK_DJXX (ID,GMSFHM,XM,XB,CSRQ,HJDZ_XZQH,XZZ_DZ,DJRQ,ZXBZ) VALUES (?,?,?,?,?,?,?,?,?)", progress);
        Batch jd = new Batch(c, "INSERT INTO JD_SQJD (ID,GMSFHM,XM,KSRQ,JSRQ) VALUES (?,?,?,?,?)", progress)) {
      for (SimPerson p : people) {
        Random r = Draw.stream(seed, p.seq(), ID_SALT);
        String written = writtenId(p, seed, dirt);
        String csrq = p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        String sex = p.sexCode();
        if (Draw.chance(r, dirt.oldSexCode())) {
          sex = p.male() ? "3" : "4";
          report.dirt("old-sex-code");
        }
        if (p.registered()) {
          rk.add(RYID_BASE + p.seq(), written, p.name(), sex, p.ethnicity(), csrq, p.hukouDivision(), p.hukouAddress(), p.householdNo(),
              p.relationToHead(), p.education(), p.maritalStatus(), p.politicalStatus(), p.religion(), p.status(),
              now.minusMinutes(r.nextInt(600_000)));
          report.id("rk_jbxx", written, p);
        } else {
          boolean off = Draw.chance(r, dirt.cancelled());
          ld.add(LDRK_ID_BASE + p.seq(), written, p.name(), sex, csrq, p.hukouDivision(), p.address(),
              now.toLocalDate().minusDays(30 + r.nextInt(3650)), off ? "1" : "0");
          if (off) {
            report.dirt("cancelled");
          } else {
            report.id("ldrk_djxx", written, p);
          }
        }
        if (rehab && p.drugRehab() != null) {
          jd.add(p.seq(), written, p.name(), p.drugRehab().start(), p.drugRehab().end());
          report.id("jd_sqjd", written, p);
        }
      }
      report.rows("rk_jbxx", rk.count()).rows("ldrk_djxx", ld.count());
      if (rehab) {
        report.rows("jd_sqjd", jd.count());
      }
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }

  /** The ID number as 公安 stored it for this person: the same in all three tables. */
  static String writtenId(SimPerson p, long seed, Dirt dirt) {
    return dirt.id(p, Draw.stream(seed, p.seq(), ID_SALT + 1), true, true);
  }

}
