package cn.jzz.hub.merge;

import cn.jzz.hub.config.Topics;
import cn.jzz.hub.support.StateSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Stage {@code merge} as three processors joined by topics:
 *
 * <pre>
 * contributions ──▶ person ──▶ residents (golden records; a tombstone when no source is left)
 *      ▲              └──────▶ links (who lives where, who belongs to which family) ──▶ link ──▶ contributions
 * reference ──▶ reference (compound → building → house; family; insurance) ──▶ links (views)
 * </pre>
 *
 * The loop through {@code contributions} terminates: each processor emits only when what it sends
 * differs from what it sent last.
 */
public final class MergeTopology {

  /** Carries the record's version on tombstones too, so the index can order a delete. */
  public static final String VERSION_HEADER = "hub-version";

  private MergeTopology() {}

  public static void addTo(Topology topology, Topics topics, GoldenRecordBuilder golden, Clock clock, ZoneId zone, Duration emitInterval) {
    StringDeserializer in = new StringDeserializer();
    StringSerializer out = new StringSerializer();

    topology.addSource("merge-contributions-in", in, in, topics.contributions());
    topology.addProcessor("merge-person", () -> new PersonProcessor(golden, clock, zone, emitInterval), "merge-contributions-in");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PersonProcessor.STATE_STORE), Serdes.String(), StateSerde.of(PersonState.class)),
        "merge-person");
    store(topology, "merge-person", PersonProcessor.DIRTY_STORE, PersonProcessor.META_STORE);
    topology.addSink(PersonProcessor.TO_RESIDENTS, topics.residents(), out, out, "merge-person");
    topology.addSink(PersonProcessor.TO_LINKS, topics.links(), out, out, "merge-person");

    topology.addSource("merge-reference-in", in, in, topics.reference());
    topology.addProcessor("merge-reference", ReferenceProcessor::new, "merge-reference-in");
    store(topology, "merge-reference", ReferenceProcessor.STORE, ReferenceProcessor.BUILDING_HOUSES, ReferenceProcessor.COMPOUND_BUILDINGS);
    topology.addSink(ReferenceProcessor.TO_LINKS, topics.links(), out, out, "merge-reference");

    topology.addSource("merge-links-in", in, in, topics.links());
    topology.addProcessor("merge-link", () -> new LinkProcessor(clock, emitInterval), "merge-links-in");
    store(topology, "merge-link", LinkProcessor.STATE_STORE, LinkProcessor.DIRTY_STORE);
    topology.addSink(LinkProcessor.TO_CONTRIBUTIONS, topics.contributions(), out, out, "merge-link");
  }

  private static void store(Topology topology, String processor, String... names) {
    for (String name : names) {
      topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String()), processor);
    }
  }
}
