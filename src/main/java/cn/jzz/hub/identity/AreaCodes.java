package cn.jzz.hub.identity;

import cn.jzz.hub.schema.Csv;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Area codes an ID number may begin with: every Chinese county-level code of 1980–2020 plus Jining's
 * historical ID prefixes. Historical, because people keep the number they were first given: many
 * Jining residents still carry retired prefixes such as 370802 (市中区, until 2012).
 *
 * @param names code → most recent name
 */
public record AreaCodes(Map<String, String> names) {

  static final String AREA_CODES_FILE = "china-area-codes-1980-2020.csv";
  static final String JINING_PREFIXES_FILE = "jining-historical-id-prefixes.csv";

  public AreaCodes {
    names = Collections.unmodifiableMap(new HashMap<>(names));
  }

  /** Loads both lists from {@code divisionsDir} (the repository's {@code schemas/divisions}). */
  public static AreaCodes load(Path divisionsDir) {
    Map<String, String> names = new HashMap<>();
    Csv areas = Csv.read(divisionsDir.resolve(AREA_CODES_FILE));
    int code = areas.column("code");
    int name = areas.column("name");
    // Rows are ordered by year, so the last name seen is the most recent one.
    for (List<String> row : areas.rows()) {
      names.put(row.get(code), row.get(name));
    }
    Csv jining = Csv.read(divisionsDir.resolve(JINING_PREFIXES_FILE));
    int jCode = jining.column("code");
    int jName = jining.column("name");
    for (List<String> row : jining.rows()) {
      names.putIfAbsent(row.get(jCode), row.get(jName));
    }
    return new AreaCodes(names);
  }

  public boolean isKnown(String areaCode) {
    return names.containsKey(areaCode);
  }

  public Optional<String> nameOf(String areaCode) {
    return Optional.ofNullable(names.get(areaCode));
  }

  /** Known codes, for test generators. */
  public List<String> codes() {
    return names.keySet().stream().sorted().toList();
  }
}
