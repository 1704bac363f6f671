package cn.jzz.hub.export;

import java.io.IOException;
import java.util.List;

/** Writes one export file row by row, in constant memory. */
interface ExportWriter extends AutoCloseable {

  void header(List<String> headers) throws IOException;

  /** One row; cells are already rendered as text (and not yet made safe: the writer does that). */
  void row(List<String> cells) throws IOException;

  /** Ends the file with the watermark (who, when, how many rows) in its metadata and a footer line. */
  void finish(Watermark watermark) throws IOException;

  @Override
  void close() throws IOException;

  /** Who exported what, when. */
  record Watermark(String user, String at, long rows, boolean masked, String exportId, String purpose) {
    String line() {
      return "济智治数据中枢导出 导出人:" + user + " 导出时间:" + at + " 行数:" + rows + (masked ? " 已脱敏" : " 未脱敏 用途:" + purpose) + " 编号:" + exportId;
    }
  }
}
