package cn.jzz.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each department's rows, recorded in memory: the shapes, codes and quirks of departments.md. */
class DepartmentRowsTest {

  private final SimWorld world = SimFixtures.world();
  private final Dirt dirt = Dirt.defaults();

  @Test
  void theSameWorldWritesTheSameRows() throws Exception {
    SimWorld again = Population.world(42, 20_000, SimFixtures.TODAY, SimFixtures.GEOGRAPHY);
    for (DatabaseDepartment d : DemoWorld.databaseDepartments()) {
      RecordingJdbc first = SimFixtures.write(d, world, dirt);
      RecordingJdbc second = SimFixtures.write(d, again, dirt);
      assertThat(second.tables).as(d.source()).isEqualTo(first.tables);
      assertThat(first.committed).as(d.source() + " commits").isTrue();
      assertThat(first.ddl).as(d.source() + " creates tables unquoted").noneMatch(sql -> sql.contains("\""));
    }
  }

  @Test
  void gajHasLegacyAndLowercaseAndMistypedNumbersOldSexCodesAndCancelledMigrants() throws Exception {
    RecordingJdbc gaj = SimFixtures.write(new GajSystem(), world, dirt);
    List<Map<String, Object>> rk = gaj.rows("rk_jbxx");
    assertThat(column(rk, "gmsfhm")).anyMatch(id -> id.length() == 15).anyMatch(id -> id.endsWith("x"));
    assertThat(column(rk, "xb")).contains("1", "2", "3", "4");
    assertThat(column(rk, "ryzt")).contains("0", "1", "2", "3");
    assertThat(column(rk, "csrq")).allMatch(c -> c.matches("\\d{8}"));
    assertThat(column(gaj.rows("ldrk_djxx"), "zxbz")).contains("0", "1");
    assertThat(column(gaj.rows("ldrk_djxx"), "xzz_dz")).allMatch(a -> a.startsWith("济宁市") && a.contains("单元"));
    assertThat(gaj.rows("jd_sqjd")).isNotEmpty().anyMatch(r -> r.get("jsrq") == null);
    Set<String> valid = world.people().stream().map(SimPerson::idNumber).collect(Collectors.toSet());
    assertThat(column(rk, "gmsfhm")).anyMatch(id -> id.length() == 18 && !valid.contains(id.toUpperCase()));
  }

  @Test
  void mzjSpeaksOfFamiliesMarriagesAndChildrenInItsOwnCodes() throws Exception {
    RecordingJdbc mzj = SimFixtures.write(new MzjSystem(), world, dirt);
    assertThat(column(mzj.rows("sa_family"), "assist_type")).containsOnly("DB", "TK", "DBBY");
    assertThat(column(mzj.rows("sa_family"), "status")).contains("0", "1");
    assertThat(column(mzj.rows("sa_family"), "community_name")).anyMatch(n -> n.endsWith("居委会")).anyMatch(n -> !n.endsWith("居委会"));
    assertThat(column(mzj.rows("sa_member"), "relation")).contains("本人", "配偶", "子女").allMatch(r -> Set.of("本人", "配偶", "子女", "父母", "其他").contains(r));
    assertThat(column(mzj.rows("hy_djxx"), "reg_type")).containsOnly("JH", "LH", "BF").contains("JH", "LH", "BF");
    assertThat(mzj.rows("hy_djxx")).allMatch(r -> r.get("man_id_card") != null && r.get("woman_id_card") != null);
    assertThat(column(mzj.rows("child_care"), "category")).contains("孤儿", "事实无人抚养儿童");
    assertThat(column(mzj.rows("child_care"), "valid")).contains("1");
  }

  @Test
  void rsjUsesJinbaoNamesIntBirthDatesAndACompositeKey() throws Exception {
    RecordingJdbc rsj = SimFixtures.write(new RsjSystem(), world, dirt);
    assertThat(rsj.rows("ac01")).allSatisfy(r -> assertThat(r.get("aac006")).isInstanceOf(Integer.class));
    assertThat(rsj.rows("ac01")).allMatch(r -> ((Integer) r.get("aac006")) > 18_900_101 && ((Integer) r.get("aac006")) < 20_261_127);
    List<String> keys = rsj.rows("ac02").stream().map(r -> r.get("aac001") + "/" + r.get("aae140")).toList();
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(column(rsj.rows("ac02"), "aae140")).containsOnly("110", "120", "170").contains("110", "120", "170");
    assertThat(column(rsj.rows("ac02"), "aac031")).contains("1", "2", "3");
    assertThat(rsj.rows("jy_sydj")).anyMatch(r -> r.get("zxrq") == null).anyMatch(r -> r.get("zxrq") != null).anyMatch(r -> "1".equals(r.get("jykn")));
  }

  @Test
  void ybjIsReadThroughAViewAndBatchJobsShareTimestamps() throws Exception {
    RecordingJdbc ybj = SimFixtures.write(new YbjSystem(), world, dirt);
    assertThat(ybj.ddl).anyMatch(sql -> sql.startsWith("CREATE VIEW v_yb_cbxx AS SELECT psn_no, certno, psn_name, gend, brdy, insutype, psn_insu_stas, updt_time FROM"));
    List<Map<String, Object>> rows = ybj.rows(YbjSystem.BASE_TABLE);
    Map<Object, Long> perTime = rows.stream().collect(Collectors.groupingBy(r -> r.get("updt_time"), Collectors.counting()));
    assertThat(perTime.size()).isLessThanOrEqualTo(12);
    assertThat(perTime.values()).allMatch(n -> n > 100);
    assertThat(column(rows, "insutype")).containsOnly("310", "390");
    assertThat(column(rows, "psn_insu_stas")).contains("1", "2", "4");
  }

  @Test
  void jyjWritesNationalStudentNumbersAndLeftBehindChildren() throws Exception {
    RecordingJdbc jyj = SimFixtures.write(new JyjSystem(), world, dirt);
    List<Map<String, Object>> rows = jyj.rows("xs_jbxx");
    assertThat(rows).allMatch(r -> ((String) r.get("xjh")).startsWith("G") && ((String) r.get("xjh")).substring(1).equalsIgnoreCase((String) r.get("sfzjh")));
    assertThat(column(rows, "sfzjlx")).contains("1", "6");
    assertThat(column(rows, "lsrt")).contains("0", "2");
    assertThat(column(rows, "xjzt")).contains("01", "03");
  }

  @Test
  void zjjIsReferenceDataWithBuildingNumbersInFourStyles() throws Exception {
    RecordingJdbc zjj = SimFixtures.write(new ZjjSystem(), world, dirt);
    assertThat(column(zjj.rows("xq_xx"), "xqlx")).contains("1", "2", "3", "4", "5");
    assertThat(zjj.rows("xq_xx")).anyMatch(r -> r.get("wyqy") == null).allMatch(r -> ((String) r.get("sqdm")).length() == 12);
    assertThat(column(zjj.rows("ld_xx"), "ldh")).anyMatch(l -> l.matches("\\d+")).anyMatch(l -> l.matches("\\d+号楼")).anyMatch(l -> l.matches("[一二三四五六七八九十]+号楼")).anyMatch(l -> l.matches("\\d+#"));
    assertThat(column(zjj.rows("fw_xx"), "fwyt")).contains("1", "2", "3");
    assertThat(zjj.tables.keySet()).containsExactlyInAnyOrder("xq_xx", "ld_xx", "fw_xx");
  }

  @Test
  void zrzyjHasMissingHouseCodesAndCancelledOwners() throws Exception {
    RecordingJdbc zrzyj = SimFixtures.write(new ZrzyjSystem(), world, dirt);
    List<Map<String, Object>> rows = zrzyj.rows("bdc_qlr");
    assertThat(rows).anyMatch(r -> r.get("fwbm") == null).anyMatch(r -> "1".equals(r.get("zxbz")));
    assertThat(column(rows, "gyfs")).contains("单独所有", "共同共有");
    assertThat(column(rows, "zjzl")).containsOnly("1");
  }

  @Test
  void sfjHasActiveAndEndedCorrections() throws Exception {
    RecordingJdbc sfj = SimFixtures.write(new SfjSystem(), world, dirt);
    assertThat(column(sfj.rows("sqjz_jzdx"), "zt")).contains("在矫", "解矫");
    assertThat(sfj.rows("azbj_xmsf")).anyMatch(r -> ((LocalDate) r.get("sfrq")).isBefore(SimFixtures.TODAY.minusYears(5)));
  }

  @Test
  void zfwRowsAreTypedByGridWorkers() throws Exception {
    RecordingJdbc zfw = SimFixtures.write(new ZfwSystem(), world, dirt);
    List<Map<String, Object>> rows = zfw.rows("wg_rfxx");
    assertThat(column(rows, "lxdh")).anyMatch(p -> p.matches("1\\d{10}")).anyMatch(p -> p.matches("1\\d{2} \\d{4} \\d{4}"))
        .anyMatch(p -> p.matches("\\+861\\d{10}")).anyMatch(p -> p.matches("0537-\\d{7}"));
    assertThat(column(rows, "bq")).anyMatch(b -> b.contains("，")).anyMatch(b -> b.contains(",")).anyMatch(b -> b.contains("独居")).anyMatch(b -> b.contains("空巢"));
    assertThat(column(rows, "rzrq")).anyMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).anyMatch(d -> d.matches("\\d{4}年\\d{1,2}月")).anyMatch(d -> d.matches("\\d{8}"));
    assertThat(column(rows, "yxbz")).contains("0", "1");
    assertThat(column(rows, "jjlxr")).allMatch(j -> j.matches("[^/]+/[^/]+/1\\d{10}"));
    assertThat(zfw.rows("wg_wgxx")).allMatch(g -> ((String) g.get("wgbm")).startsWith((String) g.get("sqdm")) && ((String) g.get("wgbm")).length() == 15);
  }

  @Test
  void zzbWritesYesAndNoInChinese() throws Exception {
    RecordingJdbc zzb = SimFixtures.write(new ZzbSystem(), world, dirt);
    assertThat(column(zzb.rows("dy_xx"), "sfdyzxh")).containsOnly("是", "否").contains("是");
    assertThat(column(zzb.rows("dy_xx"), "sfldz")).contains("是", "否");
    assertThat(column(zzb.rows("dy_xx"), "dylx")).contains("正式党员", "预备党员");
  }

  @Test
  void apiRecordsHaveTheShapesOfDepartmentsMd() {
    List<Map<String, Object>> health = world.apiRecords("wjw", "health-records");
    assertThat(health).isNotEmpty().allSatisfy(item -> {
      assertThat(item.keySet()).containsExactly("idCard", "name", "healthStatus", "chronic", "familyDoctorSigned", "severeMentalDisorder", "specialFamily", "pregnant", "updatedAt");
      assertThat((String) item.get("updatedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
      assertThat(item.get("chronic")).isInstanceOf(List.class);
      assertThat(item.get("pregnant")).isInstanceOf(Boolean.class);
    });
    assertThat(health).extracting(i -> i.get("healthStatus")).contains("良好", "一般", "慢性病", "残疾");
    for (String resource : ApiDatasets.ISHANDONG) {
      List<Map<String, Object>> rows = world.apiRecords("ishandong", resource);
      assertThat(rows).as(resource).isNotEmpty().allSatisfy(row -> assertThat(row.values()).allMatch(v -> v == null || v instanceof String));
    }
    assertThat(world.apiRecords("ishandong", "jmzzsb")).allSatisfy(r -> {
      assertThat(r.keySet()).containsExactly("SFZHM", "XM", "LXDH", "XZZ", "JJLXR", "SBSJ", "SHZT");
      assertThat((String) r.get("SBSJ")).matches("\\d{14}");
    }).extracting(r -> r.get("SHZT")).contains("0", "1", "2");
    assertThat(world.apiRecords("ishandong", "swxx")).allSatisfy(r -> assertThat((String) r.get("SWRQ")).matches("\\d{8}"));
    assertThat(world.apiRecords("ishandong", "ylbx")).allSatisfy(r -> assertThat(r.keySet()).containsExactly("SFZHM", "XM", "XZLX", "CBZT", "GXSJ"));
    assertThat(world.apiRecords("wjw", "health-records")).isEqualTo(health);
  }

  @Test
  void noDirtMeansEveryWrittenNumberIsCorrect() throws Exception {
    RecordingJdbc gaj = SimFixtures.write(new GajSystem(), world, Dirt.none());
    Set<String> valid = world.people().stream().map(SimPerson::idNumber).collect(Collectors.toSet());
    assertThat(column(gaj.rows("rk_jbxx"), "gmsfhm")).allMatch(valid::contains);
    assertThat(column(gaj.rows("ldrk_djxx"), "zxbz")).containsOnly("0");
  }

  private static List<String> column(List<Map<String, Object>> rows, String column) {
    Function<Map<String, Object>, String> get = r -> r.get(column) == null ? null : r.get(column).toString();
    return rows.stream().map(get).filter(v -> v != null).toList();
  }
}
