package cn.jzz.hub.reconcile;

import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the expected records with the indexed ones, person by person, by a checksum of the
 * compared fields. Pure: feed both sides, then read the result. Every person ends in exactly one of
 * consistent, missing (expected, not indexed), stale (indexed with other values), unexpected (indexed,
 * no source speaks of them); a person indexed twice under one ID number is also counted as doubled.
 */
final class Comparison {

  enum Kind {
    missing,
    stale,
    unexpected,
    doubled
  }

  /** A person whose record is not what the sources say; {@code sources} are the ones involved. */
  record Mismatch(String personId, Kind kind, Set<String> sources, List<String> fields) {}

  private final List<String> fields;
  private final Map<String, PersonView> expected;
  private final Map<String, String> personByIdNumber = new HashMap<>();
  private final List<Mismatch> mismatches = new ArrayList<>();
  private final Map<String, PersonView> indexed = new HashMap<>();
  private long expectedChecksum;
  private long indexChecksum;
  private long indexedCount;
  private long consistent;

  Comparison(List<String> fields, Map<String, PersonView> expected) {
    this.fields = List.copyOf(fields);
    this.expected = expected;
    for (PersonView e : expected.values()) {
      expectedChecksum += checksum(e.fields());
    }
  }

  /** One document of the index. */
  void indexed(PersonView doc) {
    indexedCount++;
    indexChecksum += checksum(doc.fields());
    indexed.put(doc.personId(), doc);
    Object idNumber = doc.fields().get("id_number");
    if (idNumber != null) {
      String other = personByIdNumber.putIfAbsent(idNumber.toString(), doc.personId());
      if (other != null && !other.equals(doc.personId())) {
        mismatches.add(new Mismatch(doc.personId(), Kind.doubled, doc.sources(), List.of("id_number")));
      }
    }
    PersonView want = expected.get(doc.personId());
    if (want == null) {
      mismatches.add(new Mismatch(doc.personId(), Kind.unexpected, doc.sources(), List.of()));
      return;
    }
    List<String> differing = differing(want.fields(), doc.fields());
    if (differing.isEmpty()) {
      consistent++;
    } else {
      Set<String> sources = new TreeSet<>(want.sources());
      sources.addAll(doc.sources());
      mismatches.add(new Mismatch(doc.personId(), Kind.stale, sources, differing));
    }
  }

  /** Call once the index was read completely. */
  List<Mismatch> finish() {
    for (PersonView want : expected.values()) {
      if (!indexed.containsKey(want.personId())) {
        mismatches.add(new Mismatch(want.personId(), Kind.missing, want.sources(), List.of()));
      }
    }
    return mismatches;
  }

  PersonView indexedView(String personId) {
    return indexed.get(personId);
  }

  long expectedChecksum() {
    return expectedChecksum;
  }

  long indexChecksum() {
    return indexChecksum;
  }

  long indexedCount() {
    return indexedCount;
  }

  long consistentCount() {
    return consistent;
  }

  List<String> differing(Map<String, Object> want, Map<String, Object> have) {
    List<String> differing = new ArrayList<>();
    for (String field : fields) {
      if (!Objects.equals(canonical(want.get(field)), canonical(have.get(field)))) {
        differing.add(field);
      }
    }
    return differing;
  }

  /** Values compare as JSON text, so 1 and "1" differ the same way in both directions as in the index. */
  private static String canonical(Object value) {
    if (value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
      return null;
    }
    return Json.write(value instanceof Map<?, ?> m ? new TreeMap<>(m) : value);
  }

  /** An order-independent sum of per-person digests of the compared fields (and the person id). */
  long checksum(Map<String, Object> values) {
    TreeMap<String, String> canonical = new TreeMap<>();
    for (String field : fields) {
      String v = canonical(values.get(field));
      if (v != null) {
        canonical.put(field, v);
      }
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(canonical).getBytes(StandardCharsets.UTF_8));
      return HexFormat.fromHexDigitsToLong(HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
