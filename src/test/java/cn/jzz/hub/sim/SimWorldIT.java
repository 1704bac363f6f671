package cn.jzz.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.support.ItServices;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small world built into the real PostgreSQL and MariaDB servers and the file system: the tables
 * and columns are exactly those of departments.md, the files decode as their departments write them,
 * and DailyLife commits its rate per second of its own clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimWorldIT {

  private static final HubProperties.Postgres PG = ItServices.postgres();
  private static final HubProperties.Mariadb MARIADB = new HubProperties.Mariadb("127.0.0.1", 3306, "root", "");
  /** departments.md's tables and columns, per source (lower case: PostgreSQL folds unquoted names). */
  private static final Map<String, Map<String, List<String>>> SPEC = new LinkedHashMap<>();

  static {
    spec("gaj", "rk_jbxx", "ryid,gmsfhm,xm,xb,mz,csrq,hjdz_xzqh,hjdz_qhnxxdz,hh,yhzgx,whcd,hyzk,zzmm,zjxy,ryzt,gxsj");
    spec("gaj", "ldrk_djxx", "id,gmsfhm,xm,xb,csrq,hjdz_xzqh,xzz_dz,djrq,zxbz");
    spec("gaj", "jd_sqjd", "id,gmsfhm,xm,ksrq,jsrq");
    spec("mzj", "sa_family", "family_id,assist_type,community_name,start_date,stop_date,status,update_time");
    spec("mzj", "sa_member", "member_id,family_id,id_card,name,relation");
    spec("mzj", "hy_djxx", "id,man_id_card,man_name,woman_id_card,woman_name,reg_type,reg_date");
    spec("mzj", "child_care", "id,id_card,name,category,valid");
    spec("rsj", "ac01", "aac001,aac002,aac003,aac004,aac006,aab004,aca111,aae036");
    spec("rsj", "ac02", "aac001,aae140,aac031,aae036");
    spec("rsj", "jy_sydj", "id,aac002,djrq,zxrq,jykn");
    spec("ybj", "v_yb_cbxx", "psn_no,certno,psn_name,gend,brdy,insutype,psn_insu_stas,updt_time");
    spec("jyj", "xs_jbxx", "xsid,xjh,sfzjlx,sfzjh,xm,xbm,csrq,xxmc,njmc,xjzt,lsrt,gxsj");
    spec("zjj", "xq_xx", "xqbm,xqmc,sqdm,xqlx,wyqy");
    spec("zjj", "ld_xx", "ldbm,xqbm,ldh,dys,lcs");
    spec("zjj", "fw_xx", "fwbm,ldbm,dyh,lc,fh,fwyt,cqxz");
    spec("zrzyj", "bdc_qlr", "id,bdcdyh,fwbm,qlrmc,zjzl,zjh,gyfs,djsj,zxbz");
    spec("sfj", "sqjz_jzdx", "id,xm,sfzh,jzlb,jzqsrq,jzzzrq,zt,update_time");
    spec("sfj", "azbj_xmsf", "id,xm,sfzh,sfrq,update_time");
    spec("zfw", "wg_wgxx", "wgbm,wgmc,sqdm,wgyxm,wgydh");
    spec("zfw", "wg_rfxx", "id,sfzh,xm,lxdh,fwbm,wgbm,rfgx,rhzt,jjlxr,bq,rzrq,cjsj,yxbz");
    spec("zzb", "dy_xx", "dyid,sfzh,xm,rdrq,dylx,szdzb,sfdyzxh,sfldz,gxsj");
  }

  @TempDir static Path inbox;
  private static DemoWorld.Settings settings;
  private static DemoWorld demo;
  private static final List<String> progress = new ArrayList<>();

  private static void spec(String source, String table, String columns) {
    SPEC.computeIfAbsent(source, s -> new LinkedHashMap<>()).put(table, List.of(columns.split(",")));
  }

  @BeforeAll
  static void build() throws Exception {
    settings = DemoWorld.Settings.of(11, 500, inbox).withSuffix("_simt");
    demo = new DemoWorld(PG, MARIADB, settings);
    demo.build(progress::add);
  }

  @AfterAll
  static void dropEverything() throws Exception {
    if (settings != null) {
      DemoWorld.dropAll(PG, MARIADB, settings);
    }
  }

  @Test
  @Order(1)
  void everyDepartmentHasExactlyTheTablesAndColumnsOfDepartmentsMd() throws Exception {
    for (DatabaseDepartment d : DemoWorld.databaseDepartments()) {
      Map<String, List<String>> expected = SPEC.get(d.source());
      Map<String, List<String>> actual = columns(d);
      if (d.source().equals("ybj")) {
        // The hub sees the view; the base table behind it has internal columns too.
        assertThat(actual.get("v_yb_cbxx")).as("ybj view").isEqualTo(expected.get("v_yb_cbxx"));
        assertThat(actual.keySet()).containsExactlyInAnyOrder("v_yb_cbxx", YbjSystem.BASE_TABLE);
      } else {
        assertThat(actual).as(d.source()).isEqualTo(expected);
      }
    }
  }

  @Test
  @Order(2)
  void typesAndKeysAreTheDepartmentsOwn() throws Exception {
    assertThat(pgType("gaj", "rk_jbxx", "csrq")).isEqualTo("character");
    assertThat(pgType("gaj", "rk_jbxx", "gxsj")).isEqualTo("timestamp without time zone");
    assertThat(pgType("zfw", "wg_rfxx", "rzrq")).isEqualTo("character varying");
    assertThat(pgType("jyj", "xs_jbxx", "csrq")).isEqualTo("date");
    try (Connection c = pg("ybj"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT is_updatable FROM information_schema.views WHERE table_name = 'v_yb_cbxx'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).as("the ybj view is read-only").isEqualTo("NO");
    }
    assertThat(mariaType("rsj", "ac01", "aac006")).isEqualTo("int");
    assertThat(mariaType("sfj", "sqjz_jzdx", "update_time")).isEqualTo("datetime");
    try (Connection c = maria("rsj"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = 'ac02' "
            + "AND constraint_name = 'PRIMARY' ORDER BY ordinal_position")) {
      List<String> key = new ArrayList<>();
      while (r.next()) {
        key.add(r.getString(1).toLowerCase());
      }
      assertThat(key).containsExactly("aac001", "aae140");
    }
    for (String source : List.of("mzj", "rsj", "zrzyj", "sfj")) {
      try (Connection c = maria(source); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT table_name, table_collation FROM information_schema.tables WHERE table_schema = DATABASE()")) {
        while (r.next()) {
          assertThat(r.getString(2)).as(source + "." + r.getString(1)).startsWith("utf8mb4");
        }
      }
    }
  }

  @Test
  @Order(3)
  void theDatabasesHoldWhatTheReportsSay() throws Exception {
    for (DepartmentReport report : demo.reports()) {
      DatabaseDepartment d = DemoWorld.databaseDepartments().stream().filter(x -> x.source().equals(report.source())).findFirst().orElse(null);
      if (d == null) {
        continue;
      }
      for (Map.Entry<String, Integer> table : report.rows().entrySet()) {
        try (Connection c = d.engine() == DatabaseDepartment.Engine.POSTGRESQL ? pg(d.source()) : maria(d.source()); Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT count(*) FROM " + table.getKey())) {
          r.next();
          assertThat(r.getInt(1)).as(d.source() + "." + table.getKey()).isEqualTo(table.getValue());
        }
      }
    }
    assertThat(demo.expectedIds()).isNotEmpty().hasSizeLessThanOrEqualTo(500);
    assertThat(demo.expectedStatuses().keySet()).isEqualTo(demo.expectedIds());
    assertThat(progress).anyMatch(l -> l.startsWith("hub: world: gaj")).anyMatch(l -> l.startsWith("hub: world: mzj"));
    assertThat(Files.readString(demo.communityListFile())).contains(demo.gridWorkerCommunity().code() + "," + demo.gridWorkerCommunity().name());
  }

  @Test
  @Order(4)
  void theFilesDecodeAsTheirDepartmentsWriteThem() throws Exception {
    byte[] clj = Files.readAllBytes(inbox.resolve("clj").resolve(CljFile.fileName(settings.today())));
    assertThat(new String(clj, CljFile.GBK)).startsWith("姓名,身份证号,残疾人证号,残疾类别,残疾等级,发证日期,联系电话,现居住地\r\n");
    byte[] xfj = Files.readAllBytes(inbox.resolve("xfj").resolve(XfjFile.fileName(settings.today())));
    assertThat(Arrays.copyOf(xfj, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(xfj, 3, xfj.length - 3, StandardCharsets.UTF_8)).startsWith("身份证号,姓名,风险等级,列管日期,状态");
    try (InputStream in = Files.newInputStream(inbox.resolve("tyjrj").resolve(TyjrjFile.fileName(settings.today()))); Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet(TyjrjFile.SHEET);
      assertThat(sheet).isNotNull();
      boolean numeric = false;
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        numeric |= sheet.getRow(i).getCell(3).getCellType() == CellType.NUMERIC;
      }
      DepartmentReport tyjrj = demo.reports().stream().filter(r -> r.source().equals("tyjrj")).findFirst().orElseThrow();
      assertThat(numeric).isEqualTo(tyjrj.dirt().getOrDefault("numeric-id-cell", 0) > 0);
    }
    try (InputStream in = Files.newInputStream(inbox.resolve("fl").resolve(FlFile.fileName(settings.today()))); Workbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheet(FlFile.SHEET)).isNotNull();
    }
  }

  @Test
  @Order(5)
  void dailyLifeCommitsItsRatePerSecondOfItsOwnClock() throws Exception {
    LocalDateTime start = demo.world().extractedAt().plusHours(1);
    int before = cljLines();
    int ticks = 20;
    DailyLife.Counts counts;
    try (DailyLife life = new DailyLife(demo.world(), PG, MARIADB, settings, 7, 500, start, inbox.resolve("clj"))) {
      for (int i = 0; i < ticks; i++) {
        life.tick();
      }
      counts = life.counts();
      assertThat(life.clock()).isEqualTo(start.plusSeconds(2));
    }
    Map<DailyLife.Kind, Long> rows = new TreeMap<>();
    rows.put(DailyLife.Kind.BIRTH, pgCount("gaj", "SELECT count(*) FROM rk_jbxx WHERE ryid > " + DailyLife.BIRTH_RYID_BASE));
    rows.put(DailyLife.Kind.DEATH, pgCount("gaj", "SELECT count(*) FROM rk_jbxx WHERE ryzt = '1' AND gxsj > '" + start + "'"));
    rows.put(DailyLife.Kind.NAME_CORRECTION, pgCount("gaj", "SELECT count(*) FROM rk_jbxx WHERE ryzt = '0' AND gxsj > '" + start + "' AND ryid <= " + DailyLife.BIRTH_RYID_BASE));
    rows.put(DailyLife.Kind.MIGRANT, pgCount("gaj", "SELECT count(*) FROM ldrk_djxx WHERE id > " + DailyLife.MIGRANT_ID_BASE));
    rows.put(DailyLife.Kind.MOVE, pgCount("zfw", "SELECT count(*) FROM wg_rfxx WHERE id > " + DailyLife.MOVE_ROW_BASE));
    rows.put(DailyLife.Kind.ASSISTANCE_START, mariaCount("mzj", "SELECT count(*) FROM sa_family WHERE family_id > " + DailyLife.FAMILY_ID_BASE));
    // MariaDB's datetime keeps whole seconds: a stop in the first second of the run stores the start itself.
    rows.put(DailyLife.Kind.ASSISTANCE_STOP, mariaCount("mzj", "SELECT count(*) FROM sa_family WHERE status = '0' AND update_time >= '" + start.toString().replace('T', ' ') + "'"));
    rows.put(DailyLife.Kind.DISABILITY_CERTIFICATE, (long) (cljLines() - before));
    assertThat(rows).as("rows changed per kind").isEqualTo(new TreeMap<>(counts.byKind()));
    assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).as("rows changed in 2 s of its clock at 500/s").isEqualTo(500L * ticks / 10);
    assertThat(counts.total()).isEqualTo(1000);
  }

  private static int cljLines() throws Exception {
    return new String(Files.readAllBytes(inbox.resolve("clj").resolve(CljFile.fileName(settings.today()))), CljFile.GBK).split("\r\n").length;
  }

  private static Map<String, List<String>> columns(DatabaseDepartment d) throws SQLException {
    boolean postgres = d.engine() == DatabaseDepartment.Engine.POSTGRESQL;
    String sql = postgres
        ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
        : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position";
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = postgres ? pg(d.source()) : maria(d.source()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getString(2));
      }
    }
    return out;
  }

  private static String pgType(String source, String table, String column) throws SQLException {
    try (Connection c = pg(source); PreparedStatement s = c.prepareStatement("SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?")) {
      s.setString(1, table);
      s.setString(2, column);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static String mariaType(String source, String table, String column) throws SQLException {
    try (Connection c = maria(source);
        PreparedStatement s = c.prepareStatement("SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?")) {
      s.setString(1, table);
      s.setString(2, column);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static long pgCount(String source, String sql) throws SQLException {
    try (Connection c = pg(source); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static long mariaCount(String source, String sql) throws SQLException {
    try (Connection c = maria(source); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Connection pg(String source) throws SQLException {
    return DriverManager.getConnection(PG.jdbcUrl(settings.database(source)), PG.user(), PG.password());
  }

  private static Connection maria(String source) throws SQLException {
    return DriverManager.getConnection(MARIADB.jdbcUrl(settings.database(source)), MARIADB.user(), MARIADB.password());
  }
}
