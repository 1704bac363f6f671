package cn.jzz.hub.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal reader for the UTF-8 reference CSVs under {@code schemas/} (header row, optional double
 * quotes, no embedded line breaks). Kept here rather than pulling in a CSV library for a handful of
 * well-formed files that the project itself controls.
 *
 * @param file the file read, for messages
 * @param header the column names of the first row
 * @param rows the data rows, each as long as the header
 */
public record Csv(Path file, List<String> header, List<List<String>> rows) {

  public Csv {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** Reads a CSV file; a byte-order mark and blank lines are skipped. */
  public static Csv read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + " is empty; expected a header row");
    }
    List<String> header = split(stripBom(lines.get(0)));
    List<List<String>> rows = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> row = split(line);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + row.size()
            + " columns, header has " + header.size());
      }
      rows.add(List.copyOf(row));
    }
    return new Csv(file, header, rows);
  }

  /** Index of a column; fails naming the file and the columns it has. */
  public int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(file + " has no column '" + name + "'; columns: " + header);
    }
    return index;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString().strip());
    return out;
  }
}
