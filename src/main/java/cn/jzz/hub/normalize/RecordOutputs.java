package cn.jzz.hub.normalize;

import cn.jzz.hub.support.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one source record last produced: its people by role ({@code ""} in the single-person form) and
 * its reference keys. Kept in the processor's store so that a delete, a filter or a changed ID
 * withdraws exactly what the record said before, whatever the source tells about the before-image.
 */
record RecordOutputs(Map<String, String> persons, List<String> references) {

  static final RecordOutputs NONE = new RecordOutputs(Map.of(), List.of());

  RecordOutputs {
    persons = Map.copyOf(new TreeMap<>(persons));
    references = List.copyOf(references);
  }

  static RecordOutputs of(Normalizer.Outcome.Accepted accepted) {
    Map<String, String> persons = new TreeMap<>();
    accepted.contributions().forEach(c -> persons.put(c.role() == null ? "" : c.role(), c.personId()));
    return new RecordOutputs(persons, accepted.references().stream().map(ReferenceRecord::key).toList());
  }

  boolean isEmpty() {
    return persons.isEmpty() && references.isEmpty();
  }

  String toJson() {
    return Json.write(this);
  }

  /** Reads the stored form; a bare person id is the form before roles existed. */
  static RecordOutputs fromJson(String stored) {
    if (stored == null) {
      return NONE;
    }
    if (!stored.startsWith("{")) {
      return new RecordOutputs(Map.of("", stored), List.of());
    }
    RecordOutputs read = Json.read(stored, RecordOutputs.class);
    return new RecordOutputs(read.persons() == null ? Map.of() : read.persons(), read.references() == null ? List.of() : read.references());
  }
}
