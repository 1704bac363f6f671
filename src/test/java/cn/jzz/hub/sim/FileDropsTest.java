package cn.jzz.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file departments' dumps, read back the way a receiving clerk (or the hub) reads them. */
class FileDropsTest {

  private final SimWorld world = SimFixtures.world();
  @TempDir Path dir;

  @Test
  void cljIsAGbkCsvWithTextCategoriesDatesInThreeStylesAndDottedNames() throws Exception {
    DepartmentReport report = new CljFile().write(dir, world, Dirt.defaults());
    Path file = dir.resolve(CljFile.fileName(SimFixtures.TODAY));
    assertThat(file.getFileName().toString()).isEqualTo("残疾人_202611.csv");
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("姓名");
    List<String> lines = Arrays.asList(new String(bytes, CljFile.GBK).split("\r\n"));
    assertThat(lines.get(0)).isEqualTo("姓名,身份证号,残疾人证号,残疾类别,残疾等级,发证日期,联系电话,现居住地");
    assertThat(lines).hasSize(report.totalRows() + 1);
    List<String> body = lines.subList(1, lines.size());
    assertThat(body).anyMatch(l -> l.contains("·"));
    assertThat(body).anyMatch(l -> l.matches(".*,\\d{4}年\\d{1,2}月\\d{1,2}日,.*")).anyMatch(l -> l.matches(".*,\\d{4}/\\d{1,2}/\\d{1,2},.*")).anyMatch(l -> l.matches(".*,\\d{4}-\\d{2}-\\d{2},.*"));
    assertThat(body).allMatch(l -> l.matches(".*,(视力|听力|言语|肢体|智力|精神|多重),(一级|二级|三级|四级),.*"));
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("残疾人_202611.csv");
  }

  @Test
  void xfjIsAUtf8CsvWithABom() throws Exception {
    DepartmentReport report = new XfjFile().write(dir, world, Dirt.defaults());
    byte[] bytes = Files.readAllBytes(dir.resolve(XfjFile.fileName(SimFixtures.TODAY)));
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).isEqualTo("身份证号,姓名,风险等级,列管日期,状态");
    assertThat(lines).hasSize(report.totalRows() + 1);
    assertThat(Arrays.asList(lines).subList(1, lines.length)).anyMatch(l -> l.endsWith(",列管")).anyMatch(l -> l.endsWith(",撤管"));
  }

  @Test
  void tyjrjIsAnXlsxWithSomeIdNumbersStoredAsNumbers() throws Exception {
    DepartmentReport report = new TyjrjFile().write(dir, world, Dirt.defaults());
    try (InputStream in = Files.newInputStream(dir.resolve(TyjrjFile.fileName(SimFixtures.TODAY))); Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet("优抚对象");
      assertThat(texts(sheet.getRow(0))).containsExactly("序号", "姓名", "性别", "公民身份号码", "优抚类别", "入伍年月", "退役年月", "联系电话");
      assertThat(sheet.getLastRowNum()).isEqualTo(report.totalRows());
      int numeric = 0;
      DataFormatter shown = new DataFormatter();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        Cell id = sheet.getRow(i).getCell(3);
        if (id.getCellType() == CellType.NUMERIC) {
          numeric++;
          assertThat(shown.formatCellValue(id)).matches("3\\.\\d+E\\+17");
        }
        assertThat(sheet.getRow(i).getCell(5).getStringCellValue()).matches("\\d{4}\\.\\d{2}");
        assertThat(sheet.getRow(i).getCell(2).getStringCellValue()).isIn("男", "女");
      }
      assertThat(numeric).isEqualTo(report.dirt().get("numeric-id-cell")).isPositive();
      assertThat(report.acceptedIds()).hasSize(report.totalRows() - numeric);
    }
  }

  @Test
  void flIsAnXlsxOfChildrenAndTheirGuardians() throws Exception {
    DepartmentReport report = new FlFile().write(dir, world, Dirt.defaults());
    try (InputStream in = Files.newInputStream(dir.resolve(FlFile.fileName(SimFixtures.TODAY))); Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet("儿童关爱台账");
      assertThat(texts(sheet.getRow(0))).containsExactly("儿童姓名", "儿童身份证号", "类别", "监护人姓名", "监护人身份证号", "监护人电话");
      List<String> categories = new ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        categories.add(sheet.getRow(i).getCell(2).getStringCellValue());
      }
      assertThat(categories).hasSize(report.totalRows()).contains("留守儿童", "困境儿童");
    }
  }

  private static List<String> texts(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }
}
