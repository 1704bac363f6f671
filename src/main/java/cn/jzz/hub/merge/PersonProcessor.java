package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code merge}, per person: keeps each person's contributions and emits the golden record.
 *
 * <p>Emission is coalesced: a change marks the person dirty (in a store, so it is transactional with
 * the state under exactly-once) and a punctuation emits each dirty person once, so an initial load
 * with many sources per person writes each person about once. A record identical to the last one
 * emitted is not emitted again. Once a day (local time) every person is rebuilt, because tags with
 * validity periods and age-based rules change with the calendar.
 */
public final class PersonProcessor implements Processor<String, String, String, String> {

  public static final String STATE_STORE = "merge-person-state";
  public static final String DIRTY_STORE = "merge-person-dirty";
  public static final String META_STORE = "merge-person-meta";
  public static final String TO_RESIDENTS = "merge-residents";
  public static final String TO_LINKS = "merge-person-links";
  /** Contribution fields that link a person to a reference record of a kind (see docs/mappings.md). */
  static final Map<String, String> LINK_FIELDS = Map.of("family_code", "family", "insured_no", "insurance");
  public static final String VERSION_HEADER = MergeTopology.VERSION_HEADER;
  private static final String LAST_DAY = "last-refresh-day";
  /** Persons whose parsed state is kept: a few seconds of an initial load, the house round trip included. */
  static final int CACHED_STATES = 20_000;

  private final GoldenRecordBuilder golden;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration emitInterval;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, PersonState> states;
  private final StateCache<PersonState> cache = new StateCache<>(CACHED_STATES);
  private DirtyKeys dirty;
  private KeyValueStore<String, String> meta;

  public PersonProcessor(GoldenRecordBuilder golden, Clock clock, ZoneId zone, Duration emitInterval) {
    this.golden = golden;
    this.clock = clock;
    this.zone = zone;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.states = context.getStateStore(STATE_STORE);
    // Called again after a task's state was restored or revived: what was cached may be uncommitted.
    cache.clear();
    this.dirty = new DirtyKeys(context.getStateStore(DIRTY_STORE));
    this.meta = context.getStateStore(META_STORE);
    if (meta.get(LAST_DAY) == null) {
      meta.put(LAST_DAY, today().toString());
    }
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
      LocalDate today = today();
      dirty.drain(personId -> emit(personId, today));
    });
    context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, now -> refreshIfNewDay());
  }

  @Override
  public void process(Record<String, String> record) {
    String personId = record.key();
    Contribution contribution = Json.read(record.value(), Contribution.class);
    PersonState stored = load(personId);
    PersonState state = stored == null ? PersonState.empty(personId) : stored;
    PersonState next = state.apply(contribution);
    if (next != state) {
      store(next);
      dirty.mark(personId);
    }
  }

  private PersonState load(String personId) {
    PersonState state = cache.get(personId);
    if (state == null) {
      state = states.get(personId);
      if (state != null) {
        cache.put(personId, state);
      }
    }
    return state;
  }

  private void store(PersonState state) {
    states.put(state.personId(), state);
    cache.put(state.personId(), state);
  }

  private void refreshIfNewDay() {
    LocalDate today = today();
    String last = meta.get(LAST_DAY);
    if (last != null && last.equals(today.toString())) {
      return;
    }
    if (last == null || !last.equals(today.toString())) {
      List<String> everyone = new ArrayList<>();
      try (KeyValueIterator<String, PersonState> it = states.all()) {
        while (it.hasNext()) {
          KeyValue<String, PersonState> entry = it.next();
          everyone.add(entry.key);
        }
      }
      everyone.forEach(personId -> emit(personId, today));
    }
    meta.put(LAST_DAY, today.toString());
  }

  private void emit(String personId, LocalDate today) {
    PersonState state = load(personId);
    if (state == null) {
      return;
    }
    Map<String, Object> doc = golden.build(state, today);
    GoldenJson json = doc == null ? null : GoldenJson.of(doc);
    String digest = json == null ? "gone" : json.digest();
    Map<String, LinkMember> links = links(state, doc);
    announce(state.links(), links);
    if (digest.equals(state.digest())) {
      if (!state.links().equals(links)) {
        store(state.emitted(state.version(), state.digest(), links));
      }
      return;
    }
    long version = state.version() + 1;
    store(state.emitted(version, digest, links));
    RecordHeaders headers = new RecordHeaders();
    headers.add(VERSION_HEADER, Long.toString(version).getBytes(StandardCharsets.US_ASCII));
    String value = json == null ? null : json.withVersion(version);
    context.forward(new Record<>(personId, value, context.currentSystemTimeMs(), headers), TO_RESIDENTS);
  }

  /**
   * The reference records the person is linked to: the house of the golden record, and the families
   * and insurance records their contributions name (link fields that are not part of the record).
   */
  private Map<String, LinkMember> links(PersonState state, Map<String, Object> doc) {
    if (doc == null) {
      return Map.of();
    }
    Object birth = doc.get("birth_date");
    String birthDate = birth == null ? null : birth.toString();
    boolean active = GoldenRecordBuilder.DEFAULT_STATUS.equals(doc.get("status"));
    Map<String, LinkMember> links = new TreeMap<>();
    Instant now = Instant.now(clock);
    if (doc.get("house_code") != null) {
      Object relation = doc.get("person_house_relation");
      String link = "house:" + doc.get("house_code");
      links.put(link, new LinkMember(state.personId(), link, birthDate, active, relation == null ? null : relation.toString(), false, now));
    }
    for (Contribution c : state.slots().values()) {
      if (c.withdrawn()) {
        continue;
      }
      LINK_FIELDS.forEach((field, kind) -> {
        Object code = c.fields().get(field);
        if (code != null) {
          String link = kind + ":" + code;
          links.put(link, new LinkMember(state.personId(), link, birthDate, active, null, false, now));
        }
      });
    }
    return links;
  }

  private void announce(Map<String, LinkMember> before, Map<String, LinkMember> now) {
    Instant at = Instant.now(clock);
    before.forEach((link, member) -> {
      if (!now.containsKey(link)) {
        forwardLink(member.leaving(at));
      }
    });
    now.forEach((link, member) -> {
      if (!member.sameFacts(before.get(link))) {
        forwardLink(member);
      }
    });
  }

  private void forwardLink(LinkMember member) {
    context.forward(new Record<>(member.link(), Json.write(LinkMessage.member(member)), context.currentSystemTimeMs()), TO_LINKS);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }
}
