package cn.jzz.hub.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * 退役军人事务局's full dump {@code 优抚对象_YYYYMM.xlsx}, sheet 优抚对象. Some ID cells are numbers
 * (the clerk's Excel converted them): they display as 3.70811E+17 and the hub must reject those rows.
 */
public final class TyjrjFile implements FileDepartment {

  public static final String SHEET = "优抚对象";
  public static final String[] HEADER = {"序号", "姓名", "性别", "公民身份号码", "优抚类别", "入伍年月", "退役年月", "联系电话"};
  private static final long SALT = 0x54594AL;

  @Override
  public String source() {
    return "tyjrj";
  }

  public static String fileName(LocalDate today) {
    return "优抚对象_" + today.format(DateTimeFormatter.ofPattern("yyyyMM")) + ".xlsx";
  }

  @Override
  public DepartmentReport write(Path directory, SimWorld world, Dirt dirt) throws IOException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    String file = fileName(world.today());
    try (Xlsx xlsx = new Xlsx(SHEET, HEADER)) {
      int no = 0;
      for (SimPerson p : world.people()) {
        SimPerson.Veteran v = p.veteran();
        if (v == null) {
          continue;
        }
        Object idCell = dirt.id(p, r, false, false);
        boolean numeric = !p.idNumber().endsWith("X") && Draw.chance(r, dirt.numericIdCell());
        if (numeric) {
          idCell = Double.valueOf(p.idNumber());
          report.dirt("numeric-id-cell");
        }
        xlsx.row(++no, p.name(), p.male() ? "男" : "女", idCell, v.category(), yearMonth(v.enlisted()), yearMonth(v.discharged()), p.phone());
        if (!numeric) {
          report.id(file, (String) idCell, p);
        }
      }
      report.rows(file, xlsx.rows());
      xlsx.save(directory.resolve(file));
    }
    return report.build();
  }

  /** 入伍年月 as the bureau writes it: 2001.12. */
  static String yearMonth(YearMonth ym) {
    return ym.getYear() + "." + String.format("%02d", ym.getMonthValue());
  }
}
