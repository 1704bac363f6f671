package cn.jzz.hub.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * 妇联's full dump {@code 儿童关爱台账_YYYYMM.xlsx}, sheet 儿童关爱台账: one row speaks of a child and a
 * guardian. Only the child is counted as the row's person.
 */
public final class FlFile implements FileDepartment {

  public static final String SHEET = "儿童关爱台账";
  public static final String[] HEADER = {"儿童姓名", "儿童身份证号", "类别", "监护人姓名", "监护人身份证号", "监护人电话"};
  private static final long SALT = 0x464CL;

  @Override
  public String source() {
    return "fl";
  }

  public static String fileName(LocalDate today) {
    return "儿童关爱台账_" + today.format(DateTimeFormatter.ofPattern("yyyyMM")) + ".xlsx";
  }

  @Override
  public DepartmentReport write(Path directory, SimWorld world, Dirt dirt) throws IOException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    String file = fileName(world.today());
    try (Xlsx xlsx = new Xlsx(SHEET, HEADER)) {
      for (SimPerson p : world.people()) {
        SimPerson.ChildCare care = p.childCare();
        if (care == null || care.flCategory() == null || !p.alive()) {
          continue;
        }
        SimPerson guardian = care.guardianSeq() == 0 ? null : world.person(care.guardianSeq());
        String id = dirt.id(p, r, false, false);
        xlsx.row(p.name(), id, care.flCategory(), guardian == null ? null : guardian.name(), guardian == null ? null : guardian.idNumber(),
            guardian == null ? null : guardian.phone());
        report.id(file, id, p);
      }
      report.rows(file, xlsx.rows());
      xlsx.save(directory.resolve(file));
    }
    return report.build();
  }
}
