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
 * Stage {@code normalize}: raw events (keyed by source record key) in, contributions (keyed by
 * person_id) and quarantined records out. It remembers which person each source record spoke of last,
 * so a deleted, filtered or re-identified record withdraws its contribution from the right person
 * whatever the source tells about the before-image.
 */
public final class NormalizeProcessor implements Processor<String, String, String, String> {

  public static final String STORE = "normalize-record-persons";
  public static final String TO_CONTRIBUTIONS = "normalize-contributions";
  public static final String TO_QUARANTINE = "normalize-quarantine";

  private final Normalizer normalizer;
  private final Topics topics;
  private final MeterRegistry meters;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> recordPersons;

  public NormalizeProcessor(Normalizer normalizer, Topics topics, MeterRegistry meters) {
    this.normalizer = normalizer;
    this.topics = topics;
    this.meters = meters;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.recordPersons = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, String> record) {
    RawEvent event;
    try {
      event = Json.read(record.value(), RawEvent.class);
    } catch (RuntimeException e) {
      String source = context.recordMetadata().map(m -> topics.sourceOfRaw(m.topic())).orElse("unknown");
      quarantine(source, "unknown", record.key(), Map.of("value", String.valueOf(record.value())), "MALFORMED_EVENT", "raw event is not readable JSON: " + e.getMessage(), 0, null);
      return;
    }
    String slot = event.source() + "/" + event.recordKey();
    String previous = recordPersons.get(slot);
    Normalizer.Outcome outcome = normalizer.apply(event);
    count(event.source(), outcome);
    if (outcome instanceof Normalizer.Outcome.Accepted accepted) {
      Contribution contribution = accepted.contribution();
      if (previous != null && !previous.equals(contribution.personId())) {
        withdraw(previous, event, contribution.mappingVersion());
      }
      recordPersons.put(slot, contribution.personId());
      context.forward(new Record<>(contribution.personId(), Json.write(contribution), record.timestamp()), TO_CONTRIBUTIONS);
    } else if (outcome instanceof Normalizer.Outcome.Deleted deleted) {
      String person = previous != null ? previous : normalizer.personOf(event.before(), event);
      if (person != null) {
        withdraw(person, event, deleted.mappingVersion());
      }
      recordPersons.delete(slot);
    } else if (outcome instanceof Normalizer.Outcome.Filtered filtered) {
      if (previous != null) {
        withdraw(previous, event, filtered.mappingVersion());
        recordPersons.delete(slot);
      }
    } else if (outcome instanceof Normalizer.Outcome.Rejected rejected) {
      if (previous != null) {
        withdraw(previous, event, rejected.mappingVersion());
        recordPersons.delete(slot);
      }
      quarantine(event.source(), event.entity(), event.recordKey(), event.after(), rejected.reason(), rejected.message(), rejected.mappingVersion(), event.sourceTime());
    }
  }

  private void withdraw(String personId, RawEvent event, int mappingVersion) {
    Contribution withdrawal = Contribution.withdrawal(personId, event.source(), event.recordKey(), event.sourceTime(), event.position(), mappingVersion);
    context.forward(new Record<>(personId, Json.write(withdrawal), context.currentSystemTimeMs()), TO_CONTRIBUTIONS);
  }

  private void quarantine(String source, String entity, String recordKey, Map<String, Object> raw, String reason, String message, int version, Instant sourceTime) {
    QuarantinedRecord q = new QuarantinedRecord(source, entity, recordKey, raw, reason, message, version, sourceTime, Instant.now());
    context.forward(new Record<>(source + "/" + recordKey, Json.write(q), context.currentSystemTimeMs()), TO_QUARANTINE);
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
