package cn.jzz.hub.connector.file;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one dump as text, header names exactly as the file spells them. Built row by row by a
 * reader, which enforces the limits as it goes so a hostile file cannot exhaust memory.
 */
final class DumpTable {

  private final List<String> header;
  private final List<Row> rows = new ArrayList<>();

  /** A data row with its row number in the file (1-based, the header is row 1). */
  record Row(int number, Map<String, Object> values) {}
  private final int maxRows;
  private final int maxCellChars;

  DumpTable(List<String> rawHeader, List<String> keyColumns, int maxRows, int maxCellChars) throws UnreadableFileException {
    this.maxRows = maxRows;
    this.maxCellChars = maxCellChars;
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rawHeader.size(); i++) {
      String name = rawHeader.get(i) == null ? "" : rawHeader.get(i).replace("\uFEFF", "").strip();
      if (!name.isEmpty() && !seen.add(name)) {
        throw new UnreadableFileException("the header names column '" + name + "' twice; give every column its own name");
      }
      names.add(name);
    }
    while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
      names.remove(names.size() - 1);
    }
    List<String> missing = keyColumns.stream().filter(k -> !seen.contains(k)).toList();
    if (!missing.isEmpty()) {
      // A file without its header starts with a resident's row: say so without quoting it.
      String found = names.stream().anyMatch(n -> n.matches(".*[0-9０-９]{6,}.*"))
          ? "it looks like a data row, not a header; its " + names.size() + " values are not quoted here"
          : "found " + names;
      throw new UnreadableFileException("the first row has no column " + missing + " (" + found
          + "); the first row must be the header with the key columns — if the names look garbled, the file's encoding is not the configured one");
    }
    this.header = List.copyOf(names);
  }

  List<String> header() {
    return header;
  }

  /** Adds a data row (1-based line or row number for messages); blank rows are skipped. */
  void add(int rowNumber, List<String> cells) throws UnreadableFileException {
    boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
    if (blank) {
      return;
    }
    if (rows.size() >= maxRows) {
      throw new UnreadableFileException("more than " + maxRows + " data rows; split the file or raise options.max-rows in the connector configuration");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        continue;
      }
      String value = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
      if (value.length() > maxCellChars) {
        throw new UnreadableFileException("row " + rowNumber + ", column '" + name + "' holds " + value.length() + " characters; the limit is "
            + maxCellChars + " (options.max-cell-chars) — is a quote unbalanced?");
      }
      row.put(name, value);
    }
    for (int i = header.size(); i < cells.size(); i++) {
      if (cells.get(i) != null && !cells.get(i).isBlank()) {
        throw new UnreadableFileException("row " + rowNumber + " has more cells (" + cells.size() + ") than the header has columns (" + header.size()
            + "); fix the row or the delimiter");
      }
    }
    rows.add(new Row(rowNumber, row));
  }

  List<Row> rows() {
    return rows;
  }
}
