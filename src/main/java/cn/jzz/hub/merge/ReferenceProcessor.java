package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.ReferenceRecord;
import cn.jzz.hub.support.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code merge}, reference data: keeps every compound, building and house (one partition: they
 * are few) and, whenever one changes, sends each affected house its whole view (house → building →
 * compound, flattened into unified-schema fields) so the change reaches every resident under it; a
 * family or insurance record goes to its link as it is. The view travels with the message, so the link
 * stage never reads reference data that lag behind.
 */
public final class ReferenceProcessor implements Processor<String, String, String, String> {

  public static final String STORE = "merge-reference";
  public static final String BUILDING_HOUSES = "merge-building-houses";
  public static final String COMPOUND_BUILDINGS = "merge-compound-buildings";
  public static final String TO_LINKS = "merge-reference-links";

  static final Set<String> HOUSE_FIELDS = Set.of("unit_no", "floor_no", "room_no", "house_use", "house_tenure");
  static final Set<String> BUILDING_FIELDS = Set.of("building_no");
  static final Set<String> COMPOUND_FIELDS = Set.of("compound_name", "compound_type", "property_service", "community_code");

  private static final StringSerializer KEYS = new StringSerializer();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> references;
  private KeyValueStore<String, String> buildingHouses;
  private KeyValueStore<String, String> compoundBuildings;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.references = context.getStateStore(STORE);
    this.buildingHouses = context.getStateStore(BUILDING_HOUSES);
    this.compoundBuildings = context.getStateStore(COMPOUND_BUILDINGS);
  }

  @Override
  public void process(Record<String, String> record) {
    ReferenceRecord reference = Json.read(record.value(), ReferenceRecord.class);
    String key = reference.key();
    ReferenceRecord previous = read(key);
    if (previous != null && reference.sourceTime().isBefore(previous.sourceTime())) {
      return;
    }
    if (reference.withdrawn()) {
      references.delete(key);
    } else {
      references.put(key, Json.write(reference));
    }
    Set<String> houses = new TreeSet<>();
    switch (reference.kind()) {
      case "house" -> {
        relink(buildingHouses, parent(previous, "building_code"), parent(reference, "building_code"), reference.code());
        houses.add(reference.code());
      }
      case "building" -> {
        relink(compoundBuildings, parent(previous, "compound_code"), parent(reference, "compound_code"), reference.code());
        houses.addAll(children(buildingHouses, reference.code()));
      }
      case "compound" -> {
        for (String building : children(compoundBuildings, reference.code())) {
          houses.addAll(children(buildingHouses, building));
        }
      }
      case "grid" -> {
        // a grid's data (name, worker) are not part of the record; the community follows from its code
      }
      default -> {
        // a record people link to directly (family, insurance): its members get its fields as they are
        Map<String, Object> view = new LinkedHashMap<>();
        if (!reference.withdrawn()) {
          view.putAll(reference.fields());
        }
        // Kept for a withdrawn record too: the link stage withdraws what it sent under that source.
        view.put(LinkProcessor.VIEW_SOURCE, reference.source());
        context.forward(new Record<>(key, Json.write(LinkMessage.view(view)), record.timestamp()), TO_LINKS);
      }
    }
    for (String house : houses) {
      context.forward(new Record<>("house:" + house, Json.write(LinkMessage.view(view(house))), record.timestamp()), TO_LINKS);
    }
  }

  /** The house's reference data as unified-schema fields; missing levels simply add nothing. */
  Map<String, Object> view(String houseCode) {
    Map<String, Object> view = new LinkedHashMap<>();
    ReferenceRecord house = read("house:" + houseCode);
    if (house == null) {
      return view;
    }
    copy(house, HOUSE_FIELDS, view);
    ReferenceRecord building = read("building:" + parent(house, "building_code"));
    if (building != null) {
      copy(building, BUILDING_FIELDS, view);
      ReferenceRecord compound = read("compound:" + parent(building, "compound_code"));
      if (compound != null) {
        copy(compound, COMPOUND_FIELDS, view);
      }
    }
    return view;
  }

  private static void copy(ReferenceRecord from, Set<String> fields, Map<String, Object> into) {
    from.fields().forEach((k, v) -> {
      if (fields.contains(k) && v != null) {
        into.put(k, v);
      }
    });
  }

  private ReferenceRecord read(String key) {
    String stored = references.get(key);
    return stored == null ? null : Json.read(stored, ReferenceRecord.class);
  }

  private static String parent(ReferenceRecord record, String field) {
    if (record == null || record.withdrawn()) {
      return null;
    }
    Object value = record.fields().get(field);
    return value == null ? null : value.toString();
  }

  private static void relink(KeyValueStore<String, String> index, String oldParent, String newParent, String child) {
    if (oldParent != null && !oldParent.equals(newParent)) {
      index.delete(oldParent + "|" + child);
    }
    if (newParent != null) {
      index.put(newParent + "|" + child, "");
    }
  }

  private static List<String> children(KeyValueStore<String, String> index, String parent) {
    List<String> children = new ArrayList<>();
    String prefix = parent + "|";
    try (KeyValueIterator<String, String> it = index.prefixScan(prefix, KEYS)) {
      while (it.hasNext()) {
        children.add(it.next().key.substring(prefix.length()));
      }
    }
    return children;
  }
}
