package cn.jzz.hub.merge;

import cn.jzz.hub.identity.IdConsistency;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.IdParseResult;
import cn.jzz.hub.identity.ParsedId;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.HouseholdRule;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagAssertion;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the golden record of a person from their contributions, for a given day: for every field of
 * the schema the surviving value by its authority, where it came from (provenance) and which different
 * values lost (conflicts); the tags in force that day; the hub's derived fields; quality findings.
 * Pure: the same state and day always give the same record (but for {@code updated_at}).
 */
public final class GoldenRecordBuilder {

  public static final String DEFAULT_STATUS = "在册";
  public static final String DECEASED = "死亡";
  /** Contribution fields the merge itself uses and never shows (co-resident facts from the house stage). */
  public static final String CORESIDENT_BIRTH_DATES = "_coresident_birth_dates";
  public static final String CORESIDENTS_UNKNOWN_AGE = "_coresidents_unknown_age";

  private final ResidentSchema schema;
  private final TagDictionary tags;
  private final IdNumbers idNumbers;
  private final Clock clock;

  public GoldenRecordBuilder(ResidentSchema schema, TagDictionary tags, IdNumbers idNumbers, Clock clock) {
    this.schema = schema;
    this.tags = tags;
    this.idNumbers = idNumbers;
    this.clock = clock;
  }

  /** The document for the index and {@code hub.residents}, or null when no source speaks of the person. */
  public Map<String, Object> build(PersonState state, LocalDate today) {
    List<Contribution> active = state.slots().values().stream().filter(c -> !c.withdrawn()).toList();
    if (active.stream().noneMatch(c -> !Candidate.DERIVED.equals(c.source()) && c.fields().containsKey("id_number"))) {
      return null;
    }
    Map<String, List<Candidate>> candidates = candidates(active);
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> provenance = new TreeMap<>();
    Map<String, Object> conflicts = new TreeMap<>();
    List<String> quality = new ArrayList<>();
    doc.put("person_id", state.personId());

    ParsedId id = parsedId(candidates);
    derivedFromId(id, candidates);
    deriveDivisions(candidates);
    for (FieldDef field : schema.fields()) {
      if (field.isTags()) {
        continue;
      }
      if (field.key().equals("residence_status")) {
        deriveResidenceStatus(doc, candidates);
      }
      List<Candidate> options = candidates.getOrDefault(field.key(), List.of());
      Optional<Survivorship.Choice> choice = Survivorship.choose(field.authority(), options);
      if (choice.isEmpty()) {
        continue;
      }
      Candidate winner = choice.get().winner();
      doc.put(field.key(), winner.value());
      provenance.put(field.key(), provenance(winner, choice.get().rule()));
      List<Map<String, Object>> losers = new ArrayList<>();
      for (Candidate other : options) {
        if (other != winner && !Objects.equals(other.value(), winner.value())) {
          losers.add(Map.of("value", other.value(), "source", other.source(), "record_key", other.recordKey()));
        }
      }
      if (!losers.isEmpty()) {
        conflicts.put(field.key(), losers);
      }
    }
    Map<String, Object> tagExplanations = tags(active, doc, today);
    doc.put("status", status(active, provenance));
    doc.put("sources", new ArrayList<>(new TreeSet<>(active.stream().map(Contribution::source).filter(s -> !Candidate.DERIVED.equals(s)).toList())));
    for (Contribution c : active) {
      c.quality().forEach(q -> quality.add(c.source() + " " + c.recordKey() + ": " + q));
    }
    if (id != null) {
      Object sex = doc.get("sex");
      Object birth = doc.get("birth_date");
      IdConsistency.sexAgrees(id, sex == null ? null : sex.toString()).ifPresent(f -> quality.add(f.code() + ": " + f.message()));
      if (birth != null) {
        IdConsistency.birthDateAgrees(id, LocalDate.parse(birth.toString())).ifPresent(f -> quality.add(f.code() + ": " + f.message()));
      }
    }
    if (!tagExplanations.isEmpty()) {
      provenance.put("tags", tagExplanations);
    }
    doc.put("provenance", provenance);
    doc.put("conflicts", conflicts);
    doc.put("quality", quality.stream().distinct().sorted().toList());
    doc.put("updated_at", Instant.now(clock).toString());
    doc.put("version", state.version());
    return doc;
  }

  private static Map<String, List<Candidate>> candidates(List<Contribution> active) {
    Map<String, List<Candidate>> candidates = new TreeMap<>();
    for (Contribution c : active) {
      c.fields().forEach((field, value) -> {
        if (!field.startsWith("_") && value != null) {
          candidates.computeIfAbsent(field, k -> new ArrayList<>()).add(new Candidate(value, c.source(), c.recordKey(), c.sourceTime()));
        }
      });
    }
    return candidates;
  }

  private ParsedId parsedId(Map<String, List<Candidate>> candidates) {
    List<Candidate> ids = candidates.getOrDefault("id_number", List.of());
    if (ids.isEmpty()) {
      return null;
    }
    return idNumbers.parse(ids.get(0).value().toString()) instanceof IdParseResult.Valid v ? v.id() : null;
  }

  /** What the ID itself says, at the rank {@code derived} holds in each field's authority. */
  private static void derivedFromId(ParsedId id, Map<String, List<Candidate>> candidates) {
    if (id == null) {
      return;
    }
    add(candidates, "id_type", Candidate.derived(id.type().label(), "id_number"));
    add(candidates, "sex", Candidate.derived(id.sexCode(), "id_number"));
    if (id.birthDate() != null) {
      add(candidates, "birth_date", Candidate.derived(id.birthDate().toString(), "id_number"));
    }
    String nationality =
        switch (id.number().substring(0, 2)) {
          case "81" -> "HKG";
          case "82" -> "MAC";
          case "83" -> "TWN";
          default -> id.number().startsWith("9") ? null : "CHN";
        };
    if (nationality != null) {
      add(candidates, "nationality", Candidate.derived(nationality, "id_number"));
    }
  }

  /** County and township follow from the community; the community from the grid when nobody names it. */
  private void deriveDivisions(Map<String, List<Candidate>> candidates) {
    if (!candidates.containsKey("community_code") && candidates.containsKey("grid_code")) {
      Candidate grid = candidates.get("grid_code").get(0);
      String code = grid.value().toString();
      if (code.length() >= 12) {
        candidates.put("community_code", List.of(new Candidate(code.substring(0, 12), grid.source(), grid.recordKey(), grid.sourceTime())));
      }
    }
    Optional<Survivorship.Choice> community =
        Survivorship.choose(schema.require("community_code").authority(), candidates.getOrDefault("community_code", List.of()));
    if (community.isPresent() && community.get().winner().value().toString().length() >= 9) {
      String code = community.get().winner().value().toString();
      candidates.putIfAbsent("county_code", List.of(Candidate.derived(code.substring(0, 6), "community_code")));
      candidates.putIfAbsent("township_code", List.of(Candidate.derived(code.substring(0, 9), "community_code")));
    }
  }

  /** 人户一致 when the hukou lies in the county the person lives in, 人在户不在 otherwise. */
  private static void deriveResidenceStatus(Map<String, Object> doc, Map<String, List<Candidate>> candidates) {
    Object hukou = doc.get("hukou_division_code");
    Object county = doc.get("county_code");
    if (hukou != null && county != null) {
      add(candidates, "residence_status", Candidate.derived(hukou.toString().startsWith(county.toString()) ? "1" : "2", "hukou_division_code"));
    }
  }

  private static void add(Map<String, List<Candidate>> candidates, String field, Candidate candidate) {
    candidates.computeIfAbsent(field, k -> new ArrayList<>()).add(candidate);
  }

  /**
   * Puts every tag in force today into its field and {@code tag_all}; returns why each holds, for the
   * person page. Department assertions hold within their validity; the household rules are derived from
   * the co-residents the house stage reports, or asserted by the sources the dictionary names.
   */
  private Map<String, Object> tags(List<Contribution> active, Map<String, Object> doc, LocalDate today) {
    Map<String, TreeSet<String>> byField = new TreeMap<>();
    Map<String, Object> why = new TreeMap<>();
    for (Contribution c : active) {
      for (TagAssertion assertion : c.tags()) {
        Optional<TagDef> def = tags.tag(assertion.tag());
        if (def.isEmpty() || def.get().field() == null) {
          continue;
        }
        if (def.get().rule().isActive(today, assertion)) {
          byField.computeIfAbsent(def.get().field(), k -> new TreeSet<>()).add(assertion.tag());
          why.putIfAbsent(assertion.tag(), Map.of("source", assertion.source(), "record_key", c.recordKey(), "rule", def.get().rule().kind()));
        }
      }
    }
    Object birth = doc.get("birth_date");
    Collection<LocalDate> others = coresidents(active);
    if (others != null && birth != null) {
      LocalDate birthDate = LocalDate.parse(birth.toString());
      for (TagDef def : tags.tags()) {
        if (def.rule() instanceof HouseholdRule rule && def.field() != null && rule.derive(birthDate, others, today)) {
          byField.computeIfAbsent(def.field(), k -> new TreeSet<>()).add(def.name());
          why.putIfAbsent(def.name(), Map.of("source", Candidate.DERIVED, "rule", rule.describe()));
        }
      }
    }
    TreeSet<String> all = new TreeSet<>();
    byField.forEach((field, names) -> {
      doc.put(field, new ArrayList<>(names));
      all.addAll(names);
    });
    if (!all.isEmpty()) {
      doc.put("tag_all", new ArrayList<>(all));
    }
    return why;
  }

  /** Birth dates of the other active people of the person's house (null entries: age unknown); null if no house. */
  private static Collection<LocalDate> coresidents(List<Contribution> active) {
    for (Contribution c : active) {
      Object dates = c.fields().get(CORESIDENT_BIRTH_DATES);
      if (dates instanceof Collection<?> list) {
        List<LocalDate> birthDates = new ArrayList<>();
        list.forEach(d -> birthDates.add(LocalDate.parse(d.toString())));
        Object unknown = c.fields().get(CORESIDENTS_UNKNOWN_AGE);
        int unknownCount = unknown == null ? 0 : Integer.parseInt(unknown.toString());
        for (int i = 0; i < unknownCount; i++) {
          birthDates.add(null);
        }
        return birthDates;
      }
    }
    return null;
  }

  /** A death notice from any source wins; otherwise gaj's register status, then the newest, else 在册. */
  private static String status(List<Contribution> active, Map<String, Object> provenance) {
    List<Candidate> statuses = new ArrayList<>();
    for (Contribution c : active) {
      Object value = c.fields().get("status");
      if (value != null) {
        statuses.add(new Candidate(value, c.source(), c.recordKey(), c.sourceTime()));
      }
    }
    Optional<Candidate> death = statuses.stream().filter(s -> DECEASED.equals(s.value())).findFirst();
    Optional<Survivorship.Choice> choice =
        death.map(d -> new Survivorship.Choice(d, "death-notice"))
            .or(() -> Survivorship.choose(cn.jzz.hub.schema.Authority.ordered(List.of("gaj", "ishandong"), true), statuses));
    if (choice.isEmpty()) {
      return DEFAULT_STATUS;
    }
    provenance.put("status", provenance(choice.get().winner(), choice.get().rule()));
    return choice.get().winner().value().toString();
  }

  private static Map<String, Object> provenance(Candidate winner, String rule) {
    return Map.of("source", winner.source(), "record_key", winner.recordKey(), "source_time", winner.sourceTime().toString(), "rule", rule);
  }
}
