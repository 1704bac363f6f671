package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * 医保局's PostgreSQL system ({@code dept_ybj}): the base table {@code yb_psn_insu} holds internal
 * columns too; the hub may only read the view {@code v_yb_cbxx}. Rows are never deleted (a terminated
 * insurance is {@code 4}) and nightly batch jobs give thousands of rows one {@code updt_time}.
 */
public final class YbjSystem implements DatabaseDepartment {

  public static final String BASE_TABLE = "yb_psn_insu";
  private static final long SALT = 0x59424AL;
  /** The nightly batches of the last weeks: every row carries one of these times. */
  private static final int BATCHES = 12;

  @Override
  public String source() {
    return "ybj";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE yb_psn_insu (psn_no varchar(20) PRIMARY KEY, certno varchar(18), psn_name varchar(64), gend char(1), brdy date, "
          + "insutype char(3), psn_insu_stas char(1), updt_time timestamp DEFAULT localtimestamp, insu_admdvs char(6) DEFAULT '370800', "
          + "crte_time timestamp DEFAULT localtimestamp, opter_id varchar(20), vali_flag char(1) DEFAULT '1')");
      s.execute("CREATE INDEX yb_psn_insu_updt ON yb_psn_insu (updt_time)");
      // LIMIT ALL makes the view not automatically updatable: read-only, as the department grants it.
      s.execute("CREATE VIEW v_yb_cbxx AS SELECT psn_no, certno, psn_name, gend, brdy, insutype, psn_insu_stas, updt_time FROM yb_psn_insu LIMIT ALL");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    LocalDateTime[] batches = new LocalDateTime[BATCHES];
    for (int i = 0; i < BATCHES; i++) {
      batches[i] = world.extractedAt().toLocalDate().minusDays(1L + i * 3L).atTime(2, 0);
    }
    c.setAutoCommit(false);
    try (Batch rows = new Batch(c, "INSERT INTO yb_psn_insu (psn_no,certno,psn_name,gend,brdy,insutype,psn_insu_stas,updt_time,opter_id) VALUES (?,?,?,?,?,?,?,?,?)", progress)) {
      for (SimPerson p : world.people()) {
        if (!Draw.chance(r, 0.97)) {
          continue;
        }
        String id = dirt.id(p, r, false, false);
        String type = p.work() != null && p.work().employee() ? "310" : "390";
        String state = !p.alive() ? "4" : Draw.chance(r, 0.03) ? "2" : Draw.chance(r, 0.01) ? "4" : "1";
        rows.add("3708" + String.format("%012d", p.seq()), id, p.name(), p.sexCode(), p.birthDate(), type, state, batches[r.nextInt(BATCHES)], "BATCH");
        report.id("v_yb_cbxx", id, p);
      }
      report.rows("v_yb_cbxx", rows.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
