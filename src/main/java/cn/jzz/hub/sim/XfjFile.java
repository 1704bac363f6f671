package cn.jzz.hub.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** 信访局's weekly full dump {@code 信访重点人员_YYYYMMDD.csv}: UTF-8 with a BOM (as Excel saves it). */
public final class XfjFile implements FileDepartment {

  public static final String[] HEADER = {"身份证号", "姓名", "风险等级", "列管日期", "状态"};
  private static final long SALT = 0x58464AL;

  @Override
  public String source() {
    return "xfj";
  }

  public static String fileName(LocalDate today) {
    return "信访重点人员_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
  }

  @Override
  public DepartmentReport write(Path directory, SimWorld world, Dirt dirt) throws IOException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    Files.createDirectories(directory);
    String file = fileName(world.today());
    int[] rows = {0};
    Drop.write(directory.resolve(file), raw -> {
      raw.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      Writer out = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
      csv.printRecord((Object[]) HEADER);
      for (SimPerson p : world.people()) {
        SimPerson.Petition petition = p.petition();
        if (petition == null) {
          continue;
        }
        String id = dirt.id(p, r, false, true);
        csv.printRecord(id, p.name(), petition.risk(), petition.listed().toString(), petition.active() ? "列管" : "撤管");
        report.id(file, id, p);
        rows[0]++;
      }
      csv.flush();
    });
    report.rows(file, rows[0]);
    return report.build();
  }
}
