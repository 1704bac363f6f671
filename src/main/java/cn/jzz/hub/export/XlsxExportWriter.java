package cn.jzz.hub.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX by SXSSF streaming (a window of rows in memory, the rest on disk), every cell a string, a new
 * sheet when one is full (Excel's 1,048,576 rows), the watermark in the document properties and the
 * printed footer.
 */
final class XlsxExportWriter implements ExportWriter {

  static final int EXCEL_MAX_ROWS = 1_048_576;

  private final OutputStream stream;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
  /** Rows per sheet including its header row (Excel: 1,048,576). */
  private final int maxRowsPerSheet;
  private List<String> headers;
  private SXSSFSheet sheet;
  private int rowInSheet;

  XlsxExportWriter(OutputStream stream, int maxRowsPerSheet) {
    this.stream = stream;
    this.maxRowsPerSheet = maxRowsPerSheet;
    workbook.setCompressTempFiles(true);
  }

  @Override
  public void header(List<String> headers) {
    this.headers = List.copyOf(headers);
    newSheet();
  }

  private void newSheet() {
    sheet = workbook.createSheet("居民" + (workbook.getNumberOfSheets() + 1));
    rowInSheet = 0;
    write(headers);
  }

  @Override
  public void row(List<String> cells) {
    if (rowInSheet >= maxRowsPerSheet) {
      newSheet();
    }
    write(cells.stream().map(CellSafety::neutralise).toList());
  }

  private void write(List<String> cells) {
    Row row = sheet.createRow(rowInSheet++);
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v != null && !v.isEmpty()) {
        row.createCell(i).setCellValue(v);
      }
    }
  }

  @Override
  public void finish(Watermark watermark) throws IOException {
    var properties = workbook.getXSSFWorkbook().getProperties();
    properties.getCoreProperties().setCreator(watermark.user());
    properties.getCoreProperties().setTitle("济智治数据中枢导出 " + watermark.exportId());
    properties.getCoreProperties().setDescription(watermark.line());
    properties.getCustomProperties().addProperty("watermark", watermark.line());
    properties.getCustomProperties().addProperty("exported_by", watermark.user());
    properties.getCustomProperties().addProperty("exported_at", watermark.at());
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      workbook.getSheetAt(i).getFooter().setCenter(watermark.line());
    }
    workbook.write(stream);
  }

  @Override
  public void close() throws IOException {
    workbook.close();
    stream.close();
  }
}
