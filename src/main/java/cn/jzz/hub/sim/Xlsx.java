package cn.jzz.hub.sim;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes one-sheet XLSX files with POI's streaming workbook; a cell value may be text or a number. */
final class Xlsx implements AutoCloseable {

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  private final Sheet sheet;
  private int next;

  Xlsx(String sheetName, String... header) {
    sheet = workbook.createSheet(sheetName);
    row((Object[]) header);
  }

  /** Adds a row: {@code Number}s become numeric cells (General format), everything else text. */
  void row(Object... values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else {
        cell.setCellValue(v.toString());
      }
    }
  }

  int rows() {
    return next - 1;
  }

  void save(Path file) throws IOException {
    Drop.write(file, workbook::write);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}
