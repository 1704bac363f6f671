package cn.jzz.hub.connector.file;

import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.support.ConfigProblems.Problem;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Options of {@code type: file}: full dumps dropped into {@code <data-dir>/inbox/<source>/}.
 *
 * @param format {@code csv} or {@code xlsx}
 * @param entity the raw events' entity name ({@code cjr})
 * @param keyColumns the header names whose values identify a row (an ID number and, where a person
 *     has several rows, what tells them apart); keyed through {@code RecordKeys}, never as plain text
 * @param encoding CSV only: {@code UTF-8} (default; a BOM is stripped) or {@code GBK}
 * @param delimiter CSV only: one character, default {@code ,}
 * @param sheet XLSX only: the sheet name (default: the first sheet)
 * @param maxFileMb files larger than this go to {@code failed/} (default 100)
 * @param maxRows dumps with more data rows go to {@code failed/} (default 2,000,000)
 * @param maxCellChars a longer cell sends the file to {@code failed/} (default 4096)
 * @param maxRemovedPercent a dump that would remove more than this share of the previous dump's rows
 *     (at least 100 rows before) goes to {@code failed/}: an empty or truncated export must not
 *     withdraw everyone (default 50; 100 disables the guard)
 * @param pollIntervalMs how often the inbox is looked at (default 2000)
 */
public record FileDropOptions(
    String format,
    String entity,
    List<String> keyColumns,
    String encoding,
    String delimiter,
    String sheet,
    Integer maxFileMb,
    Integer maxRows,
    Integer maxCellChars,
    Integer maxRemovedPercent,
    Integer pollIntervalMs)
    implements ConnectorCatalog.Validated {

  static final Set<String> FORMATS = Set.of("csv", "xlsx");

  @Override
  public List<Problem> validate() {
    List<Problem> problems = new ArrayList<>();
    if (format == null || !FORMATS.contains(format)) {
      problems.add(new Problem("format", "must be csv or xlsx, got '" + format + "'"));
    }
    if (entity == null || !entity.matches("[a-z][a-z0-9_-]*")) {
      problems.add(new Problem("entity", "required: the entity name of the rows, lower case, e.g. cjr"));
    }
    if (keyColumns == null || keyColumns.isEmpty() || keyColumns.stream().anyMatch(k -> k == null || k.isBlank())) {
      problems.add(new Problem("key-columns", "required: the header names that identify a row, e.g. [身份证号]"));
    }
    if (encoding != null) {
      if (!"csv".equals(format)) {
        problems.add(new Problem("encoding", "only CSV files have an encoding; XLSX is always Unicode"));
      } else if (!Charset.isSupported(encoding)) {
        problems.add(new Problem("encoding", "unknown charset '" + encoding + "'; use UTF-8 or GBK"));
      }
    }
    if (delimiter != null && (!"csv".equals(format) || delimiter.length() != 1)) {
      problems.add(new Problem("delimiter", "CSV only, one character"));
    }
    if (sheet != null && !"xlsx".equals(format)) {
      problems.add(new Problem("sheet", "only XLSX files have sheets"));
    }
    positive(problems, "max-file-mb", maxFileMb);
    positive(problems, "max-rows", maxRows);
    positive(problems, "max-cell-chars", maxCellChars);
    if (maxRemovedPercent != null && (maxRemovedPercent < 0 || maxRemovedPercent > 100)) {
      problems.add(new Problem("max-removed-percent", "must be 0…100"));
    }
    if (pollIntervalMs != null && pollIntervalMs < 100) {
      problems.add(new Problem("poll-interval-ms", "must be at least 100"));
    }
    return problems;
  }

  private static void positive(List<Problem> problems, String name, Integer value) {
    if (value != null && value < 1) {
      problems.add(new Problem(name, "must be positive"));
    }
  }

  Charset charset() {
    return encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(encoding);
  }

  char delimiterChar() {
    return delimiter == null ? ',' : delimiter.charAt(0);
  }

  long maxFileBytes() {
    return (maxFileMb == null ? 100L : maxFileMb) * 1024 * 1024;
  }

  int maxRowsOrDefault() {
    return maxRows == null ? 2_000_000 : maxRows;
  }

  int maxCellCharsOrDefault() {
    return maxCellChars == null ? 4096 : maxCellChars;
  }

  int maxRemovedPercentOrDefault() {
    return maxRemovedPercent == null ? 50 : maxRemovedPercent;
  }

  int pollIntervalMsOrDefault() {
    return pollIntervalMs == null ? 2000 : pollIntervalMs;
  }
}
