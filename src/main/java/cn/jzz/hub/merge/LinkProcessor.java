package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.schema.TagAssertion;
import cn.jzz.hub.support.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage {@code merge}, per linked reference record ({@code house:H1}, {@code family:F7},
 * {@code insurance:A1}): who is linked to it and what it says. It sends every member the record's data
 * as a contribution back to the person stage, and withdraws it when they leave.
 *
 * <p>For a house that is two contributions: the house's reference data (source {@code zjj}, so 楼栋号 …
 * 物业服务 and the compound's community follow it) and the co-resident facts (source {@code derived}:
 * the other active members' birth dates and the house's occupancy), from which the person's 独居/空巢
 * tags are derived on the day. For a family or an insurance record it is the record's fields and its
 * tag with the validity dates, under the record's own source.
 */
public final class LinkProcessor implements Processor<String, String, String, String> {

  public static final String STATE_STORE = "merge-link-state";
  public static final String DIRTY_STORE = "merge-link-dirty";
  public static final String TO_CONTRIBUTIONS = "merge-link-contributions";
  static final String HOUSE_SOURCE = "zjj";
  /** View keys with a meaning for the link stage, not fields of the person. */
  static final String VIEW_SOURCE = "_source";
  static final String VIEW_TAG = "assistance_tag";
  static final String VIEW_FROM = "valid_from";
  static final String VIEW_UNTIL = "valid_until";
  private static final Set<String> OWNER_RELATIONS = Set.of("产权人", "共有人", "家庭成员");

  private final Clock clock;
  private final Duration emitInterval;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> links;
  private DirtyKeys dirty;

  public LinkProcessor(Clock clock, Duration emitInterval) {
    this.clock = clock;
    this.emitInterval = emitInterval;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.links = context.getStateStore(STATE_STORE);
    this.dirty = new DirtyKeys(context.getStateStore(DIRTY_STORE));
    context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> dirty.drain(link -> emit(load(link))));
  }

  @Override
  public void process(Record<String, String> record) {
    String link = record.key();
    LinkMessage message = Json.read(record.value(), LinkMessage.class);
    LinkState state = load(link);
    if (message.member() != null) {
      LinkMember member = message.member();
      if (member.left()) {
        withdraw(link, member.personId());
        Map<String, String> sent = new TreeMap<>(state.sent());
        sent.remove(member.personId());
        state = state.withMember(member).withSent(sent);
      } else {
        state = state.withMember(member);
      }
    } else if (message.view() != null) {
      state = state.withView(message.view());
    }
    links.put(link, Json.write(state));
    dirty.mark(link);
  }

  private LinkState load(String link) {
    String stored = links.get(link);
    return stored == null ? LinkState.empty(link) : Json.read(stored, LinkState.class);
  }

  private void emit(LinkState state) {
    Map<String, String> sent = new TreeMap<>(state.sent());
    boolean house = state.link().startsWith("house:");
    Instant now = Instant.now(clock);
    Map<String, Object> view = state.view() == null ? Map.of() : state.view();
    String occupancy = house ? occupancy(state) : null;
    for (LinkMember member : state.members().values()) {
      List<Contribution> contributions = house ? houseContributions(state, member, view, occupancy, now) : recordContributions(state, member, view, now);
      String digest = Json.write(contributions.stream().map(c -> List.of(c.source(), c.fields(), c.tags())).toList());
      String before = sent.get(member.personId());
      if (digest.equals(before)) {
        continue;
      }
      sent.put(member.personId(), digest);
      if (contributions.isEmpty() && before != null) {
        // The record itself is gone (a stopped family): what it gave the member goes too.
        withdraw(state.link(), member.personId());
      }
      contributions.forEach(this::send);
    }
    links.put(state.link(), Json.write(state.withSent(sent)));
  }

  private static List<Contribution> houseContributions(LinkState state, LinkMember member, Map<String, Object> view, String occupancy, Instant now) {
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    int unknown = 0;
    for (LinkMember other : state.members().values()) {
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
    List<Contribution> out = new ArrayList<>();
    out.add(contribution(member, Candidate.DERIVED, state.link(), facts, List.of(), now));
    if (!view.isEmpty()) {
      out.add(contribution(member, HOUSE_SOURCE, state.link(), view, List.of(), now));
    }
    return out;
  }

  private static List<Contribution> recordContributions(LinkState state, LinkMember member, Map<String, Object> view, Instant now) {
    if (view.isEmpty() || view.keySet().equals(Set.of(VIEW_SOURCE))) {
      return List.of();
    }
    String source = String.valueOf(view.getOrDefault(VIEW_SOURCE, state.link().substring(0, state.link().indexOf(':'))));
    Map<String, Object> fields = new LinkedHashMap<>(view);
    fields.keySet().removeAll(Set.of(VIEW_SOURCE, VIEW_TAG, VIEW_FROM, VIEW_UNTIL));
    List<TagAssertion> tags = new ArrayList<>();
    Object tag = view.get(VIEW_TAG);
    if (tag != null) {
      tags.add(new TagAssertion(tag.toString(), source, date(view.get(VIEW_FROM)), date(view.get(VIEW_UNTIL))));
    }
    return List.of(contribution(member, source, state.link(), fields, tags, now));
  }

  private static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
  }

  private static Contribution contribution(LinkMember member, String source, String link, Map<String, Object> fields, List<TagAssertion> tags, Instant now) {
    String entity = link.substring(0, link.indexOf(':'));
    return new Contribution(member.personId(), source, entity, link, fields, List.of(), now, link, 0, false, null, tags);
  }

  /** Everything a member may have been sent for this link is withdrawn; withdrawing what was never sent is harmless. */
  private void withdraw(String link, String personId) {
    Instant now = Instant.now(clock);
    Set<String> sources = new java.util.TreeSet<>(Set.of(Candidate.DERIVED, HOUSE_SOURCE));
    LinkState state = load(link);
    if (state.view() != null && state.view().get(VIEW_SOURCE) != null) {
      sources.add(state.view().get(VIEW_SOURCE).toString());
    }
    sources.add(link.substring(0, link.indexOf(':')));
    for (String source : sources) {
      send(Contribution.withdrawal(personId, source, link, now, link, 0));
    }
  }

  private void send(Contribution contribution) {
    context.forward(new Record<>(contribution.personId(), Json.write(contribution), context.currentSystemTimeMs()), TO_CONTRIBUTIONS);
  }

  /** 居住状态 from the relations of the active people linked to the house. */
  static String occupancy(LinkState state) {
    List<String> relations = state.members().values().stream().filter(LinkMember::active).map(m -> m.relation() == null ? "" : m.relation()).toList();
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
