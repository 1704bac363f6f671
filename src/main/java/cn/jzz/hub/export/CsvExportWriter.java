package cn.jzz.hub.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV for Excel: UTF-8 with BOM, CRLF, Chinese headers, safe cells, a footer line with the watermark. */
final class CsvExportWriter implements ExportWriter {

  private final CSVPrinter printer;
  private final BufferedWriter out;

  CsvExportWriter(OutputStream stream) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    out.write('\uFEFF');
    this.printer = new CSVPrinter(out, CSVFormat.EXCEL);
  }

  @Override
  public void header(List<String> headers) throws IOException {
    printer.printRecord(headers);
  }

  @Override
  public void row(List<String> cells) throws IOException {
    for (String cell : cells) {
      printer.print(CellSafety.csv(cell));
    }
    printer.println();
  }

  @Override
  public void finish(Watermark watermark) throws IOException {
    printer.printRecord("# " + watermark.line());
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
