package cn.jzz.hub.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Jining's real division codes as the schema directory lists them: communities (12 digits, unique
 * names), townships (9 digits) and counties (the first 6 digits).
 */
public record Geography(List<Community> communities, Map<String, String> townshipNames) {

  /** County names of Jining (current GB/T 2260 names plus the statistical 高新区). */
  static final Map<String, String> COUNTY_NAMES =
      Map.ofEntries(
          Map.entry("370811", "任城区"), Map.entry("370812", "兖州区"), Map.entry("370826", "微山县"),
          Map.entry("370827", "鱼台县"), Map.entry("370828", "金乡县"), Map.entry("370829", "嘉祥县"),
          Map.entry("370830", "汶上县"), Map.entry("370831", "泗水县"), Map.entry("370832", "梁山县"),
          Map.entry("370871", "高新区"), Map.entry("370881", "曲阜市"), Map.entry("370883", "邹城市"));

  /** A community (社区/村居) with its township. */
  public record Community(String code, String name, String townshipCode) {
    public String countyCode() {
      return code.substring(0, 6);
    }
  }

  public Geography {
    communities = List.copyOf(communities);
    townshipNames = Map.copyOf(townshipNames);
  }

  /** Reads {@code divisions/jining-communities.csv} and {@code divisions/jining-townships.csv}. */
  public static Geography load(Path schemasDir) {
    Path divisions = schemasDir.resolve("divisions");
    List<Community> communities = new ArrayList<>();
    for (CSVRecord r : read(divisions.resolve("jining-communities.csv"))) {
      communities.add(new Community(r.get("code"), r.get("name"), r.get("township_code")));
    }
    Map<String, String> townships = new LinkedHashMap<>();
    for (CSVRecord r : read(divisions.resolve("jining-townships.csv"))) {
      townships.put(r.get("code"), r.get("name"));
    }
    if (communities.isEmpty() || townships.isEmpty()) {
      throw new IllegalStateException("no communities or townships in " + divisions.toAbsolutePath() + ": set hub.schemas-dir to the repository's schemas/ directory");
    }
    return new Geography(communities, townships);
  }

  public String townshipName(String townshipCode) {
    return townshipNames.getOrDefault(townshipCode, "");
  }

  public static String countyName(String countyCode) {
    return COUNTY_NAMES.getOrDefault(countyCode, "");
  }

  private static List<CSVRecord> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage() + " (set hub.schemas-dir to the repository's schemas/ directory)", e);
    }
  }
}
