package cn.jzz.hub.merge;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code merge}: contributions grouped by person_id into a durable {@link PersonState}, each
 * change turned into the golden record on {@code <ns>.residents} (a tombstone when no source is left).
 * The aggregate's cache coalesces bursts, so an initial load emits each person about once.
 */
public final class MergeTopology {

  public static final String STATE_STORE = "merge-person-state";
  /** Carries the record's version on tombstones too, so the index can order a delete. */
  public static final String VERSION_HEADER = "hub-version";

  private MergeTopology() {}

  public static void addTo(StreamsBuilder builder, Topics topics, GoldenRecordBuilder golden) {
    builder.stream(topics.contributions(), Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .aggregate(
            () -> null,
            (personId, contributionJson, stateJson) -> {
              PersonState state = stateJson == null ? PersonState.empty(personId) : Json.read(stateJson, PersonState.class);
              PersonState next = state.apply(Json.read(contributionJson, Contribution.class));
              return next == state && stateJson != null ? stateJson : Json.write(next);
            },
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(STATE_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.String()))
        .toStream()
        .processValues(() -> new GoldenRecordProcessor(golden))
        .to(topics.residents(), Produced.with(Serdes.String(), Serdes.String()));
  }

  private static final class GoldenRecordProcessor implements FixedKeyProcessor<String, String, String> {
    private final GoldenRecordBuilder golden;
    private FixedKeyProcessorContext<String, String> context;

    GoldenRecordProcessor(GoldenRecordBuilder golden) {
      this.golden = golden;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      PersonState state = Json.read(record.value(), PersonState.class);
      Map<String, Object> doc = golden.build(state);
      record.headers().remove(VERSION_HEADER).add(VERSION_HEADER, Long.toString(state.version()).getBytes(StandardCharsets.US_ASCII));
      context.forward(record.withValue(doc == null ? null : Json.write(doc)));
    }
  }
}
