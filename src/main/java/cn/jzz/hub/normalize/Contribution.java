package cn.jzz.hub.normalize;

import cn.jzz.hub.schema.TagAssertion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one source record says about one person, in the unified schema's terms. The merge stage keeps
 * the latest contribution per {@link #slot()} and builds the golden record from all of them.
 *
 * @param fields field key → value, already valid for the field's type (codes, ISO dates, phones);
 *     may also hold the link field {@code family_code} (see docs/mappings.md)
 * @param quality values that were dropped because they could not be read, with why
 * @param withdrawn the record was deleted, filtered out or now names another person: it no longer
 *     speaks of this person (kept so that an older, replayed event cannot bring it back)
 * @param role the person's role when one row speaks of several people ({@code man}, {@code woman},
 *     {@code child}, {@code guardian}); null in the single-person form
 * @param tags the tags this record asserts for the person, with the validity dates the source gives
 */
public record Contribution(
    String personId,
    String source,
    String entity,
    String recordKey,
    Map<String, Object> fields,
    List<String> quality,
    Instant sourceTime,
    String position,
    int mappingVersion,
    boolean withdrawn,
    String role,
    List<TagAssertion> tags) {

  public Contribution {
    fields = fields == null ? Map.of() : fields;
    quality = quality == null ? List.of() : List.copyOf(quality);
    tags = tags == null ? List.of() : List.copyOf(tags);
    role = role == null || role.isEmpty() ? null : role;
  }

  /** A single-person contribution without tags (the form before roles and tags existed). */
  public Contribution(
      String personId, String source, String entity, String recordKey, Map<String, Object> fields, List<String> quality,
      Instant sourceTime, String position, int mappingVersion, boolean withdrawn) {
    this(personId, source, entity, recordKey, fields, quality, sourceTime, position, mappingVersion, withdrawn, null, List.of());
  }

  /** One source record's place in a person's state: {@code source/recordKey} or {@code source/recordKey#role}. */
  public String slot() {
    return slot(source, recordKey, role);
  }

  public static String slot(String source, String recordKey, String role) {
    return source + "/" + recordKey + (role == null || role.isEmpty() ? "" : "#" + role);
  }

  public static Contribution withdrawal(String personId, String source, String recordKey, Instant sourceTime, String position, int mappingVersion) {
    return withdrawal(personId, source, recordKey, null, sourceTime, position, mappingVersion);
  }

  public static Contribution withdrawal(String personId, String source, String recordKey, String role, Instant sourceTime, String position, int mappingVersion) {
    String entity = recordKey.contains(":") ? recordKey.substring(0, recordKey.indexOf(':')) : recordKey;
    return new Contribution(personId, source, entity, recordKey, Map.of(), List.of(), sourceTime, position, mappingVersion, true, role, List.of());
  }
}
