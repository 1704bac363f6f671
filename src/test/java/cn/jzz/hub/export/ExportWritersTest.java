package cn.jzz.hub.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExportWritersTest {

  @Test
  void cellsThatCouldRunAsFormulasAreNeutralised() {
    assertThat(CellSafety.neutralise("=1+2")).isEqualTo("'=1+2");
    assertThat(CellSafety.neutralise("+1 555")).isEqualTo("'+1 555");
    assertThat(CellSafety.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(CellSafety.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CellSafety.neutralise("-1")).isEqualTo("-1");
    assertThat(CellSafety.neutralise("张三")).isEqualTo("张三");
    assertThat(CellSafety.csv("11010519491231002X")).isEqualTo("\t11010519491231002X");
    assertThat(CellSafety.csv("13905371234")).isEqualTo("\t13905371234");
    assertThat(CellSafety.csv("0537")).isEqualTo("\t0537");
    assertThat(CellSafety.csv("12")).isEqualTo("12");
    assertThat(CellSafety.neutralise("-1.5")).isEqualTo("-1.5");
    assertThat(CellSafety.neutralise("-1.")).isEqualTo("'-1.");
    assertThat(CellSafety.neutralise("-")).isEqualTo("'-");
    assertThat(CellSafety.neutralise("-1234567890123456")).as("more than 15 digits is no plain number").isEqualTo("'-1234567890123456");
    assertThat(CellSafety.neutralise("-1e5")).isEqualTo("'-1e5");
  }

  @Test
  void csvRowsAreExcelCsvWithSafeCellsOneLineEach() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvExportWriter writer = new CsvExportWriter(out)) {
      writer.header(List.of("姓名", "证件号码", "备注"));
      writer.row(java.util.Arrays.asList("张三", "11010519491231002X", "=HYPERLINK(\"x\")"));
      writer.row(java.util.Arrays.asList("李四", "", "a,b"));
      writer.finish(new ExportWriter.Watermark("admin", "2026-11-26T08:00+08:00", 2, true, "x1", null));
    }
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("\uFEFF姓名,证件号码,备注\r\n张三,\"\t11010519491231002X\",\"'=HYPERLINK(\"\"x\"\")\"\r\n李四,,\"a,b\"\r\n"
        + "\"# 济智治数据中枢导出 导出人:admin 导出时间:2026-11-26T08:00+08:00 行数:2 已脱敏 编号:x1\"\r\n");
  }

  @Test
  void xlsxStartsANewSheetWhenOneIsFull() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XlsxExportWriter writer = new XlsxExportWriter(out, 3, 7)) {
      // 3 rows per sheet: the header and two data rows, so 7 rows need 4 sheets
      writer.header(List.of("姓名", "电话"));
      for (int i = 0; i < 7; i++) {
        writer.row(List.of("人" + i, "=cmd"));
      }
      writer.finish(new ExportWriter.Watermark("admin", "2026-11-26T08:00+08:00", 7, true, "x1", null));
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(4);
      assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
      assertThat(book.getSheetAt(3).getLastRowNum()).isEqualTo(1);
      assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=cmd");
      assertThat(book.getProperties().getCoreProperties().getCreator()).isEqualTo("admin");
    }
  }
}
