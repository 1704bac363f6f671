package cn.jzz.hub.sim;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What writing one department's slice produced.
 *
 * @param rows rows (or file records) written per table, file or resource
 * @param dirt errors injected per kind (e.g. {@code bad-check-character}, {@code cancelled})
 * @param accepted per table, the correct ID numbers of the people the hub should accept from it
 *     (valid after normalising, and not in a withdrawn row)
 */
public record DepartmentReport(String source, Map<String, Integer> rows, Map<String, Integer> dirt, Map<String, Set<String>> accepted) {

  public DepartmentReport {
    rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    dirt = Collections.unmodifiableMap(new TreeMap<>(dirt));
    Map<String, Set<String>> copy = new TreeMap<>();
    accepted.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(v)));
    accepted = Collections.unmodifiableMap(copy);
  }

  public int totalRows() {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int totalDirt() {
    return dirt.values().stream().mapToInt(Integer::intValue).sum();
  }

  public Set<String> acceptedIds() {
    Set<String> all = new HashSet<>();
    accepted.values().forEach(all::addAll);
    return all;
  }

  public Set<String> accepted(String table) {
    return accepted.getOrDefault(table, Set.of());
  }

  @Override
  public String toString() {
    return source + ": " + totalRows() + " rows " + rows + ", dirt " + dirt;
  }

  /** Collects a report while a department is written. */
  static final class Builder {
    private final String source;
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    private final Map<String, Integer> dirt = new LinkedHashMap<>();
    private final Map<String, Set<String>> accepted = new LinkedHashMap<>();

    Builder(String source) {
      this.source = source;
    }

    Builder rows(String table, int count) {
      rows.merge(table, count, Integer::sum);
      return this;
    }

    Builder dirt(String kind) {
      dirt.merge(kind, 1, Integer::sum);
      return this;
    }

    /** Records {@code written} for {@code p}: accepted if it resolves to p's number, else counted as a bad ID. */
    void id(String table, String written, SimPerson p) {
      if (Dirt.accepted(written, p)) {
        accept(table, p);
      } else {
        dirt("bad-id");
      }
    }

    void accept(String table, SimPerson p) {
      accepted.computeIfAbsent(table, t -> new HashSet<>()).add(p.idNumber());
    }

    DepartmentReport build() {
      return new DepartmentReport(source, rows, dirt, accepted);
    }
  }
}
