package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the golden record of a person from their contributions: for every field the surviving value,
 * where it came from (provenance) and which different values lost (conflicts).
 */
public final class GoldenRecordBuilder {

  public static final String DEFAULT_STATUS = "在册";

  private final Survivorship survivorship;
  private final Clock clock;

  public GoldenRecordBuilder(Survivorship survivorship, Clock clock) {
    this.survivorship = survivorship;
    this.clock = clock;
  }

  /** The document for the index and {@code hub.residents}, or null when no source speaks of the person. */
  public Map<String, Object> build(PersonState state) {
    List<Contribution> active = state.slots().values().stream().filter(c -> !c.withdrawn()).toList();
    if (active.isEmpty()) {
      return null;
    }
    Map<String, List<Contribution>> byField = new TreeMap<>();
    for (Contribution c : active) {
      c.fields().keySet().forEach(field -> byField.computeIfAbsent(field, k -> new ArrayList<>()).add(c));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> provenance = new TreeMap<>();
    Map<String, Object> conflicts = new TreeMap<>();
    doc.put("person_id", state.personId());
    byField.forEach((field, candidates) -> {
      Survivorship.Choice choice = survivorship.choose(field, candidates);
      Contribution winner = choice.winner();
      Object value = winner.fields().get(field);
      doc.put(field, value);
      provenance.put(field, Map.of(
          "source", winner.source(),
          "record_key", winner.recordKey(),
          "source_time", winner.sourceTime().toString(),
          "rule", choice.rule()));
      List<Map<String, Object>> losers = new ArrayList<>();
      for (Contribution other : candidates) {
        Object otherValue = other.fields().get(field);
        if (other != winner && !Objects.equals(otherValue, value)) {
          losers.add(Map.of("value", otherValue, "source", other.source(), "record_key", other.recordKey()));
        }
      }
      if (!losers.isEmpty()) {
        conflicts.put(field, losers);
      }
    });
    doc.putIfAbsent("status", DEFAULT_STATUS);
    doc.put("sources", new ArrayList<>(new TreeSet<>(active.stream().map(Contribution::source).toList())));
    doc.put("provenance", provenance);
    doc.put("conflicts", conflicts);
    doc.put("quality", active.stream().flatMap(c -> c.quality().stream().map(q -> c.source() + " " + q)).distinct().sorted().toList());
    doc.put("updated_at", Instant.now(clock).toString());
    doc.put("version", state.version());
    return doc;
  }

  /** Picks the surviving contribution for one field. */
  public interface Survivorship {
    record Choice(Contribution winner, String rule) {}

    Choice choose(String field, List<Contribution> candidates);

    /** The most recent source time wins; ties go to the later slot for a stable result. */
    static Survivorship latestWins() {
      Comparator<Contribution> newest = Comparator.comparing(Contribution::sourceTime).thenComparing(Contribution::slot);
      return (field, candidates) -> new Choice(candidates.stream().max(newest).orElseThrow(), "latest");
    }
  }
}
