package cn.jzz.hub.normalize;

import cn.jzz.hub.schema.TagAssertion;
import java.time.Instant;
import java.util.Map;

/**
 * What one source record says about one person, in the unified schema's terms. The merge stage keeps
 * the latest contribution per {@link #slot()} and builds the golden record from all of them.
 *
 * @param quality values that were dropped because they could not be read, with why
 * @param tags tags the source asserts, with the dates that bound them; the merge decides daily which hold
 * @param withdrawn the record was deleted, filtered out or now names another person: it no longer
 *     speaks of this person (kept so that an older, replayed event cannot bring it back)
 */
public record Contribution(
    String personId,
    String source,
    String entity,
    String recordKey,
    Map<String, Object> fields,
    java.util.List<String> quality,
    java.util.List<TagAssertion> tags,
    Instant sourceTime,
    String position,
    int mappingVersion,
    boolean withdrawn) {

  /** One source record's place in a person's state. */
  public String slot() {
    return source + "/" + recordKey;
  }

  public static Contribution withdrawal(String personId, String source, String recordKey, Instant sourceTime, String position, int mappingVersion) {
    String entity = recordKey.contains(":") ? recordKey.substring(0, recordKey.indexOf(':')) : recordKey;
    return new Contribution(personId, source, entity, recordKey, Map.of(), java.util.List.of(), java.util.List.of(), sourceTime, position, mappingVersion, true);
  }
}
