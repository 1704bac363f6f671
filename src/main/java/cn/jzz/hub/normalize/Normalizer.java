package cn.jzz.hub.normalize;

import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.identity.IdParseResult;
import cn.jzz.hub.identity.IdRejection;
import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.normalize.CompiledMapping.CompiledEntity;
import cn.jzz.hub.normalize.CompiledMapping.FieldProgram;
import cn.jzz.hub.normalize.CompiledMapping.PersonProgram;
import cn.jzz.hub.normalize.CompiledMapping.ReferenceProgram;
import cn.jzz.hub.normalize.CompiledMapping.TagProgram;
import cn.jzz.hub.schema.TagAssertion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies the active mapping of a raw event's source to it. Pure: no I/O, no state. */
public final class Normalizer {

  /** What became of one raw row; every row ends in exactly one of these (they are what is counted). */
  public sealed interface Outcome {
    /** The row speaks of these people (one per role) and describes these reference records. */
    record Accepted(List<Contribution> contributions, List<ReferenceRecord> references, int mappingVersion) implements Outcome {}

    /** The row cannot be accepted; it goes to quarantine with this reason. */
    record Rejected(String reason, String message, int mappingVersion) implements Outcome {}

    /** A rule of the mapping says this row does not contribute. */
    record Filtered(String rule, int mappingVersion) implements Outcome {}

    /** The row is gone from the source. */
    record Deleted(int mappingVersion) implements Outcome {}
  }

  private final MappingRegistry mappings;
  private final PersonIds personIds;

  public Normalizer(MappingRegistry mappings, PersonIds personIds) {
    this.mappings = mappings;
    this.personIds = personIds;
  }

  public Outcome apply(RawEvent event) {
    return apply(event, mappings.active(event.source()));
  }

  /** Applies {@code mapping} (the active one, or a candidate being previewed). */
  public Outcome apply(RawEvent event, CompiledMapping mapping) {
    if (mapping == null) {
      return new Outcome.Rejected("NO_MAPPING", "no active mapping for source '" + event.source() + "'; add mappings/" + event.source() + ".yaml", 0);
    }
    CompiledEntity entity = mapping.entity(event.entity());
    if (entity == null) {
      return new Outcome.Filtered("entity '" + event.entity() + "' is not mapped", mapping.version());
    }
    if (event.isDelete()) {
      return new Outcome.Deleted(mapping.version());
    }
    Map<String, Object> row = event.after();
    if (row == null) {
      return new Outcome.Rejected("MALFORMED_EVENT", "a '" + event.op() + "' event without an after-image", mapping.version());
    }
    String failed = entity.failedCondition(row);
    if (failed != null) {
      return new Outcome.Filtered(failed, mapping.version());
    }
    MappingContext context = mapping.context();
    List<Contribution> contributions = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String firstSkip = null;
    for (PersonProgram person : entity.persons()) {
      String skip = CompiledMapping.Condition.firstFailed(person.when(), row);
      if (skip != null) {
        firstSkip = firstSkip == null ? person.role() + ": " + skip : firstSkip;
        continue;
      }
      List<String> quality = new ArrayList<>();
      Object rawId;
      try {
        rawId = person.idNumber().run(row, person.idLabel(), quality);
      } catch (Transform.ValueRejected e) {
        return new Outcome.Rejected("BAD_ID_COLUMN", label(person) + ": " + e.getMessage(), mapping.version());
      }
      // A number keeps its own notation (3.70811E17): a spreadsheet cell is never silently repaired.
      IdParseResult parsed = context.idNumbers().parse(rawId == null ? null : String.valueOf(rawId));
      if (parsed instanceof IdParseResult.Invalid invalid) {
        if (person.optional() && invalid.reason() == IdRejection.EMPTY) {
          firstSkip = firstSkip == null ? person.role() + ": no ID number" : firstSkip;
          continue;
        }
        return new Outcome.Rejected(invalid.reason().code(), label(person) + ": " + invalid.describe(), mapping.version());
      }
      IdParseResult.Valid valid = (IdParseResult.Valid) parsed;
      if (!seen.add(valid.id().number())) {
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldProgram field : person.fields()) {
        field.apply(row, context.schema().codeTables(), fields, quality);
      }
      fields.put("id_number", valid.id().number());
      fields.put("id_type", valid.id().type().label());
      List<TagAssertion> tags = new ArrayList<>();
      for (TagProgram tag : person.tags()) {
        tag.apply(row, context, event.source(), tags, quality);
      }
      contributions.add(new Contribution(
          personIds.of(valid.id()), event.source(), event.entity(), event.recordKey(), fields, quality, event.sourceTime(),
          event.position(), mapping.version(), false, person.role(), tags));
    }
    List<ReferenceRecord> references = new ArrayList<>();
    ReferenceProgram reference = entity.reference();
    if (reference != null) {
      List<String> notes = new ArrayList<>();
      Object code;
      try {
        code = reference.code().run(row, "code", notes);
      } catch (Transform.ValueRejected e) {
        code = null;
      }
      if (code == null) {
        return new Outcome.Rejected("MISSING_REFERENCE_CODE", "the " + reference.kind() + " has no code; fill it in at the source", mapping.version());
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldProgram field : reference.fields()) {
        field.apply(row, context.schema().codeTables(), fields, notes);
      }
      if (!notes.isEmpty()) {
        fields.put("quality", List.copyOf(notes));
      }
      references.add(new ReferenceRecord(reference.kind(), Values.text(code), fields, event.source(), event.recordKey(), event.sourceTime(), false));
    }
    if (contributions.isEmpty() && references.isEmpty()) {
      return new Outcome.Filtered(firstSkip == null ? "no person in the row" : firstSkip, mapping.version());
    }
    return new Outcome.Accepted(List.copyOf(contributions), List.copyOf(references), mapping.version());
  }

  private static String label(PersonProgram person) {
    return person.role().isEmpty() ? person.idLabel() : person.role() + " " + person.idLabel();
  }

  /**
   * The people and reference keys a row's before-image spoke of, where the source tells it (CDC
   * deletes); used when the hub has no memory of the record.
   */
  public Outcome describeBefore(RawEvent event) {
    if (event.before() == null) {
      return null;
    }
    RawEvent asCreate = new RawEvent(event.source(), event.entity(), "c", event.key(), event.before(), null, event.sourceTime(), event.position());
    Outcome outcome = apply(asCreate);
    return outcome instanceof Outcome.Accepted ? outcome : null;
  }
}
