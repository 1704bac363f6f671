package cn.jzz.hub.normalize;

import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.IdParseResult;
import cn.jzz.hub.identity.PersonIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies the active mapping of a raw event's source to it. Pure: no I/O, no state. */
public final class Normalizer {

  /** What became of one raw row. */
  public sealed interface Outcome {
    /** The row speaks of this person with these fields. */
    record Accepted(Contribution contribution) implements Outcome {}

    /** The row cannot be accepted; it goes to quarantine with this reason. */
    record Rejected(String reason, String message, int mappingVersion) implements Outcome {}

    /** A rule of the mapping says this row does not contribute. */
    record Filtered(String rule, int mappingVersion) implements Outcome {}

    /** The row is gone from the source. */
    record Deleted(int mappingVersion) implements Outcome {}
  }

  private final MappingRegistry mappings;
  private final IdNumbers idNumbers;
  private final PersonIds personIds;

  public Normalizer(MappingRegistry mappings, IdNumbers idNumbers, PersonIds personIds) {
    this.mappings = mappings;
    this.idNumbers = idNumbers;
    this.personIds = personIds;
  }

  public Outcome apply(RawEvent event) {
    CompiledMapping mapping = mappings.active(event.source());
    if (mapping == null) {
      return new Outcome.Rejected("NO_MAPPING", "no active mapping for source '" + event.source() + "'; add mappings/" + event.source() + ".yaml", 0);
    }
    CompiledMapping.CompiledEntity entity = mapping.entity(event.entity());
    if (entity == null) {
      return new Outcome.Filtered("entity '" + event.entity() + "' is not mapped", mapping.version());
    }
    if (event.isDelete()) {
      return new Outcome.Deleted(mapping.version());
    }
    Map<String, Object> row = event.after();
    String failed = entity.failedCondition(row);
    if (failed != null) {
      return new Outcome.Filtered(failed, mapping.version());
    }
    Object rawId = entity.idNumber(row);
    IdParseResult parsed = idNumbers.parse(rawId == null ? null : rawId.toString());
    if (parsed instanceof IdParseResult.Invalid invalid) {
      return new Outcome.Rejected(invalid.reason().code(), entity.idColumn() + ": " + invalid.detail(), mapping.version());
    }
    IdParseResult.Valid valid = (IdParseResult.Valid) parsed;
    List<String> quality = new ArrayList<>();
    Map<String, Object> fields = entity.fields(row, quality);
    fields.put("id_number", valid.id().number());
    fields.put("id_type", valid.id().type().label());
    Contribution contribution =
        new Contribution(
            personIds.of(valid.id()),
            event.source(),
            event.entity(),
            event.recordKey(),
            fields,
            List.copyOf(quality),
            List.of(),
            event.sourceTime(),
            event.position(),
            mapping.version(),
            false);
    return new Outcome.Accepted(contribution);
  }

  /** The person a row's before-image spoke of, where the source gives one (CDC deletes and updates). */
  public String personOf(Map<String, Object> before, RawEvent event) {
    CompiledMapping mapping = mappings.active(event.source());
    CompiledMapping.CompiledEntity entity = mapping == null ? null : mapping.entity(event.entity());
    if (before == null || entity == null) {
      return null;
    }
    Object rawId = entity.idNumber(before);
    return idNumbers.parse(rawId == null ? null : rawId.toString()) instanceof IdParseResult.Valid v ? personIds.of(v.id()) : null;
  }
}
