package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.support.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code merge}, per house: who lives in each house and what the house is (building, compound).
 * It sends every member two contributions back to the person stage: the house's reference data (source
 * {@code zjj}, so 楼栋号 … 物业服务 and the compound's community follow it) and the co-resident facts
 * (source {@code derived}: the other active members' birth dates, the house's occupancy), from which the
 * person's 独居/空巢 tags are derived on the day. A member who leaves gets both withdrawn.
 */
public final class HouseProcessor implements Processor<String, String, String, String> {

  public static final String STATE_STORE = "merge-house-state";
  public static final String DIRTY_STORE = "merge-house-dirty";
  public static final String TO_CONTRIBUTIONS = "merge-house-contributions";
  static final String REFERENCE_SOURCE = "zjj";
  private static final Set<String> OWNER_RELATIONS = Set.of("产权人", "共有人", "家庭成员");

  private final Clock clock;
  private final Duration emitInterval;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> houses;
  private KeyValueStore<String, String> dirty;

  public HouseProcessor(Clock clock, Duration emitInterval) {
    this.clock = clock;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.houses = context.getStateStore(STATE_STORE);
    this.dirty = context.getStateStore(DIRTY_STORE);
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitDirty());
  }

  @Override
  public void process(Record<String, String> record) {
    String houseCode = record.key();
    HouseMessage message = Json.read(record.value(), HouseMessage.class);
    HouseState state = load(houseCode);
    if (message.member() != null) {
      HouseMember member = message.member();
      if (member.left()) {
        withdraw(houseCode, member.personId());
        Map<String, String> sent = new TreeMap<>(state.sent());
        sent.remove(member.personId());
        state = state.withMember(member).withSent(sent);
      } else {
        state = state.withMember(member);
      }
    } else if (message.view() != null) {
      state = state.withView(message.view());
    }
    houses.put(houseCode, Json.write(state));
    dirty.put(houseCode, "");
  }

  private HouseState load(String houseCode) {
    String stored = houses.get(houseCode);
    return stored == null ? HouseState.empty(houseCode) : Json.read(stored, HouseState.class);
  }

  private void emitDirty() {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it = dirty.all()) {
      while (it.hasNext()) {
        keys.add(it.next().key);
      }
    }
    for (String houseCode : keys) {
      emit(load(houseCode));
      dirty.delete(houseCode);
    }
  }

  private void emit(HouseState state) {
    Map<String, String> sent = new TreeMap<>(state.sent());
    String occupancy = occupancy(state);
    Instant now = Instant.now(clock);
    for (HouseMember member : state.members().values()) {
      Map<String, Object> facts = new LinkedHashMap<>();
      List<String> others = new ArrayList<>();
      int unknown = 0;
      for (HouseMember other : state.members().values()) {
        if (other != member && other.active()) {
          if (other.birthDate() == null) {
            unknown++;
          } else {
            others.add(other.birthDate());
          }
        }
      }
      others.sort(null);
      facts.put(GoldenRecordBuilder.CORESIDENT_BIRTH_DATES, others);
      facts.put(GoldenRecordBuilder.CORESIDENTS_UNKNOWN_AGE, unknown);
      facts.put("house_occupancy", occupancy);
      Map<String, Object> view = state.view() == null ? Map.of() : state.view();
      String digest = Json.write(List.of(facts, view));
      if (digest.equals(sent.get(member.personId()))) {
        continue;
      }
      sent.put(member.personId(), digest);
      String recordKey = "house:" + state.houseCode();
      send(new Contribution(member.personId(), Candidate.DERIVED, "house", recordKey, facts, List.of(), List.of(), now, recordKey, 0, false));
      if (!view.isEmpty()) {
        send(new Contribution(member.personId(), REFERENCE_SOURCE, "house", recordKey, view, List.of(), List.of(), now, recordKey, 0, false));
      }
    }
    houses.put(state.houseCode(), Json.write(state.withSent(sent)));
  }

  private void withdraw(String houseCode, String personId) {
    String recordKey = "house:" + houseCode;
    Instant now = Instant.now(clock);
    send(Contribution.withdrawal(personId, Candidate.DERIVED, recordKey, now, recordKey, 0));
    send(Contribution.withdrawal(personId, REFERENCE_SOURCE, recordKey, now, recordKey, 0));
  }

  private void send(Contribution contribution) {
    context.forward(new Record<>(contribution.personId(), Json.write(contribution), context.currentSystemTimeMs()), TO_CONTRIBUTIONS);
  }

  /** 居住状态 from the relations of the active people linked to the house. */
  static String occupancy(HouseState state) {
    List<String> relations = state.members().values().stream().filter(HouseMember::active).map(m -> m.relation() == null ? "" : m.relation()).toList();
    if (relations.isEmpty()) {
      return "空置";
    }
    if (relations.stream().anyMatch(OWNER_RELATIONS::contains)) {
      return "自住";
    }
    if (relations.contains("承租人")) {
      return "出租";
    }
    if (relations.contains("借住人")) {
      return "借住";
    }
    return "待核查";
  }
}
