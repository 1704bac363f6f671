package cn.jzz.hub.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All code tables of {@code schemas/}: every {@code codes/<name>.csv} (columns {@code code,name} and
 * optionally {@code standard}), plus {@value #DIVISION}, the GB/T 2260 division codes built from
 * {@code divisions/china-area-codes-1980-2020.csv} (latest name of each code) and
 * {@code divisions/statistical-codes.csv} (codes such as 370871 高新区 that are used in the hub but
 * are not administrative divisions).
 *
 * @param tables name → table, sorted by name
 */
public record CodeTables(Map<String, CodeTable> tables) {

  /** Name of the division-code table. */
  public static final String DIVISION = "division";

  static final String AREA_CODES_FILE = "divisions/china-area-codes-1980-2020.csv";
  static final String STATISTICAL_CODES_FILE = "divisions/statistical-codes.csv";

  public CodeTables {
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  /** Loads every code table under {@code schemasDir}; throws {@link SchemaException} listing all problems. */
  public static CodeTables load(Path schemasDir) {
    Problems problems = new Problems();
    CodeTables tables = load(schemasDir, problems);
    problems.throwIfAny();
    return tables;
  }

  static CodeTables load(Path schemasDir, Problems problems) {
    Map<String, CodeTable> tables = new HashMap<>();
    Path codes = schemasDir.resolve("codes");
    if (!Files.isDirectory(codes)) {
      problems.add("codes/", "", "directory not found at " + codes.toAbsolutePath());
    } else {
      try (Stream<Path> files = Files.list(codes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
          String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
          readTable(name, file, "codes/" + file.getFileName(), problems).ifPresent(t -> tables.put(name, t));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    readDivisions(schemasDir, problems).ifPresent(t -> tables.put(DIVISION, t));
    return new CodeTables(tables);
  }

  private static Optional<CodeTable> readTable(String name, Path file, String rel, Problems problems) {
    try {
      Csv csv = Csv.read(file);
      int code = csv.column("code");
      int label = csv.column("name");
      int standard = csv.header().indexOf("standard");
      Map<String, String> entries = new LinkedHashMap<>();
      for (List<String> row : csv.rows()) {
        if (entries.putIfAbsent(row.get(code), row.get(label)) != null) {
          problems.add(rel, "code " + row.get(code), "duplicate code");
        }
      }
      String std = standard < 0 || csv.rows().isEmpty() ? "" : csv.rows().get(0).get(standard);
      return Optional.of(new CodeTable(name, std, entries));
    } catch (RuntimeException e) {
      problems.add(rel, "", e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<CodeTable> readDivisions(Path schemasDir, Problems problems) {
    try {
      Csv areas = Csv.read(schemasDir.resolve(AREA_CODES_FILE));
      int year = areas.column("first_year");
      int code = areas.column("code");
      int name = areas.column("name");
      // Rows are per year; keep the most recent name of each code (e.g. 370811 市郊区 → 任城区).
      Map<String, String> names = new TreeMap<>();
      Map<String, Integer> seen = new HashMap<>();
      for (List<String> row : areas.rows()) {
        int y = Integer.parseInt(row.get(year));
        if (seen.getOrDefault(row.get(code), Integer.MIN_VALUE) <= y) {
          seen.put(row.get(code), y);
          names.put(row.get(code), row.get(name));
        }
      }
      Csv extra = Csv.read(schemasDir.resolve(STATISTICAL_CODES_FILE));
      for (List<String> row : extra.rows()) {
        names.put(row.get(extra.column("code")), row.get(extra.column("name")));
      }
      return Optional.of(new CodeTable(DIVISION, "GB/T 2260", names));
    } catch (RuntimeException e) {
      problems.add("divisions/", "", e.getMessage());
      return Optional.empty();
    }
  }

  public Optional<CodeTable> get(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The table, or an exception naming the known tables. */
  public CodeTable require(String name) {
    return get(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown code table '" + name + "'; known: " + String.join(", ", tables.keySet())));
  }

  public boolean contains(String name) {
    return tables.containsKey(name);
  }
}
