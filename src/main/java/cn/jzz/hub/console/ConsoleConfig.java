package cn.jzz.hub.console;

import cn.jzz.hub.schema.CodeTable;
import cn.jzz.hub.schema.CodeTables;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.Source;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reference data the console shows values with: code-table names (sex 1 → 男), division names of
 * Shandong (hukou places) and Jining's townships and communities (the drill-down and the user's
 * scope), and the source registry (gaj → 公安局). Public reference data only; no resident's data.
 *
 * @param codeTables code table → code → name; {@code division} holds Shandong's codes only (the
 *     national table is 130 000 rows, and the console shows places outside Shandong by code)
 * @param divisions Jining's counties, townships and communities: code → name
 * @param sources the departmental sources in registry order
 * @param timeZone the zone the console shows times in
 */
public record ConsoleConfig(
    @JsonProperty("code_tables") Map<String, Map<String, String>> codeTables,
    Map<String, String> divisions,
    List<SourceView> sources,
    @JsonProperty("time_zone") String timeZone) {

  /** Division codes of Shandong start with 37 (GB/T 2260). */
  static final String PROVINCE_PREFIX = "37";
  static final String CITY_PREFIX = "3708";

  /** One source as the console names it. */
  public record SourceView(String id, String name, String kind) {}

  /** Builds the answer from the loaded schema and the division files under {@code schemasDir}. */
  public static ConsoleConfig from(ResidentSchema schema, Path schemasDir) {
    Map<String, Map<String, String>> tables = new TreeMap<>();
    for (Map.Entry<String, CodeTable> table : schema.codeTables().tables().entrySet()) {
      Map<String, String> entries = new TreeMap<>(table.getValue().entries());
      if (table.getKey().equals(CodeTables.DIVISION)) {
        entries.keySet().removeIf(code -> !code.startsWith(PROVINCE_PREFIX));
      }
      tables.put(table.getKey(), entries);
    }
    Map<String, String> divisions = new TreeMap<>();
    tables.getOrDefault(CodeTables.DIVISION, Map.of()).forEach((code, name) -> {
      if (code.startsWith(CITY_PREFIX)) {
        divisions.put(code, name);
      }
    });
    divisions.putAll(names(schemasDir.resolve("divisions/jining-townships.csv")));
    divisions.putAll(names(schemasDir.resolve("divisions/jining-communities.csv")));
    List<SourceView> sources = schema.sources().byId().values().stream().map(ConsoleConfig::view).toList();
    return new ConsoleConfig(tables, divisions, sources, "Asia/Shanghai");
  }

  private static SourceView view(Source s) {
    return new SourceView(s.id(), s.name(), s.kind());
  }

  /** code → name of a division list; a missing file gives nothing (the console then shows codes). */
  static Map<String, String> names(Path file) {
    Map<String, String> names = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return names;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(reader)) {
        names.put(row.get("code"), row.get("name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return names;
  }
}
