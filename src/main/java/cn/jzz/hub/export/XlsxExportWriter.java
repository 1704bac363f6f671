package cn.jzz.hub.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX by SXSSF streaming (a window of rows in memory, the rest in a temporary file), every cell an
 * inline string (no shared-strings table: it would grow with the file), a new sheet when one is full
 * (Excel's 1,048,576 rows), the watermark in the document properties and the printed footer. The file
 * is zipped at the fastest level: an export is fetched once and kept only for the retention time, so
 * CPU matters more than 20 % of its size.
 */
final class XlsxExportWriter implements ExportWriter {

  static final int EXCEL_MAX_ROWS = 1_048_576;
  /** Rows kept in memory before they go to the temporary file. */
  static final int ROW_WINDOW = 100;
  /**
   * From this many rows on the temporary files are gzipped: ~0.5 KB per row uncompressed would be
   * gigabytes of disk for a whole city, while gzipping a small export only costs CPU.
   */
  static final long COMPRESS_TEMP_FROM_ROWS = 200_000;

  private final OutputStream stream;
  private final SXSSFWorkbook workbook;
  /** Rows per sheet including its header row (Excel: 1,048,576). */
  private final int maxRowsPerSheet;
  private List<String> headers;
  private SXSSFSheet sheet;
  private int rowInSheet;

  XlsxExportWriter(OutputStream stream, int maxRowsPerSheet, long expectedRows) {
    this.stream = stream;
    this.maxRowsPerSheet = maxRowsPerSheet;
    this.workbook = new FastZipWorkbook(expectedRows >= COMPRESS_TEMP_FROM_ROWS);
  }

  /** SXSSF with inline strings and a zip at {@link Deflater#BEST_SPEED}. */
  private static final class FastZipWorkbook extends SXSSFWorkbook {
    FastZipWorkbook(boolean compressTempFiles) {
      super(null, ROW_WINDOW, compressTempFiles, false);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
      ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      return zip;
    }
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
    Row row = sheet.createRow(rowInSheet++);
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v != null && !v.isEmpty()) {
        row.createCell(i).setCellValue(CellSafety.neutralise(v));
      }
    }
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
