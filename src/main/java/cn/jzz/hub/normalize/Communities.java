package cn.jzz.hub.normalize;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Jining's communities by name ({@code schemas/divisions/jining-communities.csv}), for departments
 * that name a community instead of giving its code. Names are unique city-wide.
 */
public final class Communities {

  static final String FILE = "divisions/jining-communities.csv";
  private static final List<String> SUFFIXES = List.of("社区居民委员会", "居民委员会", "社区居委会", "居委会");

  private final Map<String, String> codeByName;
  private final List<String> namesLongestFirst;

  Communities(Map<String, String> codeByName) {
    this.codeByName = Map.copyOf(codeByName);
    this.namesLongestFirst = codeByName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public static Communities load(Path schemasDir) {
    Map<String, String> byName = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(schemasDir.resolve(FILE), StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(reader)) {
        byName.put(row.get("name").strip(), row.get("code").strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + schemasDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
    return new Communities(byName);
  }

  /** The code of a community named exactly, tolerating a trailing 居委会 (翰林社区居委会 → 翰林社区). */
  public Optional<String> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = Values.foldWidth(name).strip();
    if (codeByName.containsKey(n)) {
      return Optional.of(codeByName.get(n));
    }
    for (String suffix : SUFFIXES) {
      if (n.endsWith(suffix)) {
        String stem = n.substring(0, n.length() - suffix.length());
        for (String candidate : List.of(stem, stem + "社区")) {
          if (codeByName.containsKey(candidate)) {
            return Optional.of(codeByName.get(candidate));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The code of the (longest) community name found inside a free-text address. */
  public Optional<String> findIn(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = Values.foldWidth(text);
    return namesLongestFirst.stream().filter(t::contains).findFirst().map(codeByName::get);
  }

  public boolean isCode(String code) {
    return codeByName.containsValue(code);
  }
}
