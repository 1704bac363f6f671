package cn.jzz.hub.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * 残联's monthly full dump {@code 残疾人_YYYYMM.csv}, encoded GBK: category and grade as text, 发证日期
 * in three styles, names that may contain ·. The dead are no longer in it.
 */
public final class CljFile implements FileDepartment {

  public static final Charset GBK = Charset.forName("GBK");
  public static final String[] HEADER = {"姓名", "身份证号", "残疾人证号", "残疾类别", "残疾等级", "发证日期", "联系电话", "现居住地"};
  private static final long SALT = 0x434C4AL;

  @Override
  public String source() {
    return "clj";
  }

  public static String fileName(LocalDate today) {
    return "残疾人_" + today.format(DateTimeFormatter.ofPattern("yyyyMM")) + ".csv";
  }

  @Override
  public DepartmentReport write(Path directory, SimWorld world, Dirt dirt) throws IOException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    Files.createDirectories(directory);
    String file = fileName(world.today());
    int[] rows = {0};
    Drop.write(directory.resolve(file), raw -> {
      Writer out = new OutputStreamWriter(raw, GBK);
      CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
      csv.printRecord((Object[]) HEADER);
      for (SimPerson p : world.people()) {
        SimPerson.Disability d = p.disability();
        if (d == null || !p.alive()) {
          continue;
        }
        String id = dirt.id(p, r, false, true);
        String name = p.name();
        if (Draw.chance(r, dirt.paddedText())) {
          id = id + " ";
          name = " " + name;
          report.dirt("padded-text");
        }
        csv.printRecord(name, id, d.certificateNo(), d.category(), d.grade(), issued(r, d.issued()), p.phone(), p.address());
        report.id(file, id, p);
        rows[0]++;
      }
      csv.flush();
    });
    report.rows(file, rows[0]);
    return report.build();
  }

  /** 发证日期 as 2019年3月2日, 2019/3/2 or 2019-03-02. */
  static String issued(Random r, LocalDate date) {
    return switch (r.nextInt(3)) {
      case 0 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
      case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
      default -> date.toString();
    };
  }
}
