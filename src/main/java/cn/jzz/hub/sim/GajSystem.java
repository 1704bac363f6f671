package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * 公安局's PostgreSQL system ({@code dept_gaj}) with its tables, columns, codes and dirt as
 * departments.md describes them. Returns which people the hub is expected to accept from it.
 */
public final class GajSystem {

  public static final String DATABASE = "dept_gaj";

  /** The result of writing the department's slice. */
  public record Written(int rows, Set<String> acceptedIds, int badIds, int cancelled) {}

  private GajSystem() {}

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

  public static Written write(Connection c, List<SimPerson> people, long seed, LocalDateTime now) throws SQLException {
    Random dirt = new Random(seed ^ 0x6A6Al);
    Set<String> accepted = new HashSet<>();
    int rows = 0;
    int bad = 0;
    int cancelled = 0;
    c.setAutoCommit(false);
    try (PreparedStatement rk =
            c.prepareStatement(
                "INSERT INTO RK_JBXX (RYID,GMSFHM,XM,XB,MZ,CSRQ,HJDZ_XZQH,HJDZ_QHNXXDZ,HH,YHZGX,WHCD,HYZK,ZZMM,ZJXY,RYZT,GXSJ) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement ld =
            c.prepareStatement("INSERT INTO LDRK_DJXX (ID,GMSFHM,XM,XB,CSRQ,HJDZ_XZQH,XZZ_DZ,DJRQ,ZXBZ) VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (SimPerson p : people) {
        String written = dirtyId(p, dirt);
        boolean corrupt = written.length() == 18 && !written.equalsIgnoreCase(p.idNumber());
        String csrq = p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        String sex = dirt.nextInt(500) == 0 ? (p.sexCode().equals("1") ? "4" : "3") : p.sexCode();
        if (p.registered()) {
          rk.setLong(1, 1_000_000 + p.seq());
          rk.setString(2, written);
          rk.setString(3, p.name());
          rk.setString(4, sex);
          rk.setString(5, p.ethnicity());
          rk.setString(6, csrq);
          rk.setString(7, p.hukouDivision());
          rk.setString(8, p.hukouAddress());
          rk.setString(9, p.householdNo());
          rk.setString(10, p.relationToHead());
          rk.setString(11, p.education());
          rk.setString(12, p.maritalStatus());
          rk.setString(13, p.politicalStatus());
          rk.setString(14, p.religion());
          rk.setString(15, p.status());
          rk.setTimestamp(16, Timestamp.valueOf(now.minusMinutes(dirt.nextInt(600_000))));
          rk.addBatch();
        } else {
          boolean off = dirt.nextInt(20) == 0;
          ld.setLong(1, 5_000_000 + p.seq());
          ld.setString(2, written);
          ld.setString(3, p.name());
          ld.setString(4, sex);
          ld.setString(5, csrq);
          ld.setString(6, p.hukouDivision());
          ld.setString(7, "济宁市任城区古槐街道东门社区红星东路12号幸福家园3号楼2单元501");
          ld.setObject(8, LocalDate.of(2015, 1, 1).plusDays(dirt.nextInt(3650)));
          ld.setString(9, off ? "1" : "0");
          ld.addBatch();
          if (off) {
            cancelled++;
            rows++;
            continue;
          }
        }
        rows++;
        if (corrupt) {
          bad++;
        } else {
          accepted.add(p.idNumber());
        }
        if (rows % 1000 == 0) {
          rk.executeBatch();
          ld.executeBatch();
        }
      }
      rk.executeBatch();
      ld.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    return new Written(rows, accepted, bad, cancelled);
  }

  /** The ID as the department stored it: mostly right, sometimes legacy, lower-case or mistyped. */
  static String dirtyId(SimPerson p, Random dirt) {
    String id = p.idNumber();
    int roll = dirt.nextInt(1000);
    if (roll < 20 && p.birthDate().getYear() >= 1900 && p.birthDate().getYear() <= 1999) {
      return id.substring(0, 6) + id.substring(8, 17);
    }
    if (roll < 40 && id.endsWith("X")) {
      return id.substring(0, 17) + "x";
    }
    if (roll >= 990) {
      char last = id.charAt(17);
      return id.substring(0, 17) + (last == '0' ? '1' : last == 'X' ? '0' : (char) (last - 1));
    }
    return id;
  }
}
