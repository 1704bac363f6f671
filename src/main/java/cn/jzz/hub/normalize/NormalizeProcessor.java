package cn.jzz.hub.normalize;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.support.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code normalize}: raw events (keyed by source record key) in; contributions (keyed by
 * person_id), reference records (keyed {@code kind:code}) and quarantined records out. It remembers
 * what each source record produced last ({@link RecordOutputs}), so a deleted, filtered, rejected or
 * re-identified record withdraws exactly that, whatever the source tells about the before-image.
 */
public final class NormalizeProcessor implements Processor<String, String, String, String> {

  public static final String STORE = "normalize-record-persons";
  public static final String TO_CONTRIBUTIONS = "normalize-contributions";
  public static final String TO_REFERENCE = "normalize-reference";
  public static final String TO_QUARANTINE = "normalize-quarantine";

  private final Normalizer normalizer;
  private final Topics topics;
  private final MeterRegistry meters;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> recordOutputs;

  public NormalizeProcessor(Normalizer normalizer, Topics topics, MeterRegistry meters) {
    this.normalizer = normalizer;
    this.topics = topics;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.recordOutputs = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    RawEvent event;
    try {
      event = Json.read(record.value(), RawEvent.class);
      if (event == null || event.source() == null || event.entity() == null) {
        throw new IllegalArgumentException("source and entity are required");
      }
    } catch (RuntimeException e) {
      String source = context.recordMetadata().map(m -> topics.sourceOfRaw(m.topic())).orElse("unknown");
      // The message names the JSON problem only, never the value (it may hold an ID number).
      QuarantinedRecord q = QuarantinedRecord.unreadable(source, record.key(), String.valueOf(record.value()), "raw event is not readable: " + e.getClass().getSimpleName(), Instant.now());
      meters.counter("hub.normalize.records", "source", source, "outcome", "quarantined").increment();
      context.forward(new Record<>(source + "/" + record.key(), Json.write(q), record.timestamp()), TO_QUARANTINE);
      return;
    }
    String slot = event.source() + "/" + event.recordKey();
    RecordOutputs previous = RecordOutputs.fromJson(recordOutputs.get(slot));
    Normalizer.Outcome outcome;
    try {
      outcome = normalizer.apply(event);
    } catch (RuntimeException e) {
      // A row no rule foresaw must not stop the partition (the task would fail on it again and again):
      // it is quarantined like any rejected row, with the kind of failure but none of its values.
      outcome = new Normalizer.Outcome.Rejected("NORMALIZE_FAILED", "the mapping could not process this row (" + e.getClass().getSimpleName() + "); see the raw row and fix the mapping, then replay", 0);
    }
    count(event.source(), outcome);
    if (outcome instanceof Normalizer.Outcome.Accepted accepted) {
      RecordOutputs next = RecordOutputs.of(accepted);
      withdrawReplaced(previous, next, event, accepted.mappingVersion());
      accepted.contributions().forEach(c -> context.forward(new Record<>(c.personId(), Json.write(c), record.timestamp()), TO_CONTRIBUTIONS));
      accepted.references().forEach(r -> context.forward(new Record<>(r.key(), Json.write(r), record.timestamp()), TO_REFERENCE));
      recordOutputs.put(slot, next.toJson());
      return;
    }
    if (outcome instanceof Normalizer.Outcome.Deleted deleted && previous.isEmpty()) {
      // No memory of the record (e.g. state lost): fall back to what the before-image says.
      if (normalizer.describeBefore(event) instanceof Normalizer.Outcome.Accepted before) {
        previous = RecordOutputs.of(before);
      }
    }
    int version =
        outcome instanceof Normalizer.Outcome.Deleted d ? d.mappingVersion()
            : outcome instanceof Normalizer.Outcome.Filtered f ? f.mappingVersion()
            : ((Normalizer.Outcome.Rejected) outcome).mappingVersion();
    withdrawReplaced(previous, RecordOutputs.NONE, event, version);
    recordOutputs.delete(slot);
    if (outcome instanceof Normalizer.Outcome.Rejected rejected) {
      QuarantinedRecord q = QuarantinedRecord.of(event, rejected.reason(), rejected.message(), rejected.mappingVersion(), Instant.now());
      context.forward(new Record<>(slot, Json.write(q), record.timestamp()), TO_QUARANTINE);
    }
  }

  /** Withdraws every person (by role) and reference the record spoke of before and does not now. */
  private void withdrawReplaced(RecordOutputs previous, RecordOutputs next, RawEvent event, int mappingVersion) {
    previous.persons().forEach((role, personId) -> {
      if (!personId.equals(next.persons().get(role))) {
        Contribution w = Contribution.withdrawal(personId, event.source(), event.recordKey(), role, event.sourceTime(), event.position(), mappingVersion);
        context.forward(new Record<>(personId, Json.write(w), context.currentSystemTimeMs()), TO_CONTRIBUTIONS);
      }
    });
    for (String key : previous.references()) {
      if (!next.references().contains(key)) {
        ReferenceRecord w = ReferenceRecord.withdrawal(key, event.source(), event.recordKey(), event.sourceTime());
        context.forward(new Record<>(key, Json.write(w), context.currentSystemTimeMs()), TO_REFERENCE);
      }
    }
  }

  private void count(String source, Normalizer.Outcome outcome) {
    String kind =
        outcome instanceof Normalizer.Outcome.Accepted ? "accepted"
            : outcome instanceof Normalizer.Outcome.Deleted ? "deleted"
            : outcome instanceof Normalizer.Outcome.Filtered ? "filtered"
            : "quarantined";
    meters.counter("hub.normalize.records", "source", source, "outcome", kind).increment();
  }

}
