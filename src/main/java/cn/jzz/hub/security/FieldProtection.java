package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What of a resident record a caller gets, by the {@link AccessPolicy}: fields clear, masked or left
 * out as her view says; the person page's provenance, conflicts, quality notes and sources by the same
 * rules, with record keys only for roles that may see them. Search items, the person page, lookup and
 * every export pass through here.
 */
public final class FieldProtection {

  private final ResidentSchema schema;
  private final TagDictionary tags;
  private final AccessPolicy policy;
  private final QualityNotes notes;

  public FieldProtection(ResidentSchema schema, TagDictionary tags, AccessPolicy policy) {
    this.schema = schema;
    this.tags = tags;
    this.policy = policy;
    this.notes = new QualityNotes(schema);
  }

  public CallerView view(Principal principal) {
    return policy.view(principal);
  }

  /** The stored tags (not age filters) the caller sees per person. */
  public List<String> clearTags(CallerView view) {
    return tags.tags().stream().filter(t -> !t.isAgeFilter() && view.tag(t) == Treatment.clear).map(TagDef::name).toList();
  }

  /** The stored tags the caller may count by (clear or counted). */
  public List<String> countableTags(CallerView view) {
    return tags.tags().stream().filter(t -> !t.isAgeFilter() && (view.tag(t) == Treatment.clear || view.tag(t) == Treatment.counted)).map(TagDef::name).toList();
  }

  /** Whether a masked-class field is clear to the caller (she may ask for an unmasked export). */
  public boolean mayUnmask(CallerView view) {
    return view.seesAnyClear(schema.maskedFields());
  }

  /** The record as the caller sees it, every M field she sees clear left clear. */
  public Map<String, Object> protect(Map<String, Object> doc, CallerView view) {
    return protect(doc, view, true);
  }

  /**
   * The record as the caller sees it.
   *
   * @param unmasked false to mask the M fields even where her view has them clear (a masked export)
   */
  public Map<String, Object> protect(Map<String, Object> doc, CallerView view, boolean unmasked) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      switch (key) {
        case IndexTemplate.TAG_ALL -> out.put(key, visibleTagValues(value, view));
        case "provenance" -> out.put(key, provenance(value, view));
        case "conflicts" -> out.put(key, conflicts(value, view, unmasked));
        case "quality" -> out.put(key, notes.protect(value, view, unmasked, clearTags(view).size() == storedTagCount()));
        case "sources" -> out.put(key, value instanceof List<?> list ? list.stream().filter(s -> s != null && view.source(s.toString()) == Treatment.clear).toList() : List.of());
        default -> {
          Optional<FieldDef> field = schema.field(key);
          // Unknown to the schema: never passed on, so nothing the schema does not describe can leak.
          if (field.isPresent() && view.shows(key)) {
            out.put(key, shown(field.get(), value, view, unmasked));
          }
        }
      }
    }
    return out;
  }

  /**
   * What {@link #protect} does to the values of one field, decided once: for exports, which apply it
   * to every row of a column. Empty if the field is unknown or not shown to the caller.
   */
  public Optional<UnaryOperator<Object>> columnView(CallerView view, String key, boolean unmasked) {
    Optional<FieldDef> field = schema.field(key);
    if (field.isEmpty() || !view.shows(key)) {
      return Optional.empty();
    }
    FieldDef f = field.get();
    boolean clear = view.clear(key) && (unmasked || !f.isMasked());
    return Optional.of(clear ? UnaryOperator.identity() : value -> Masks.maskValue(f.key(), value));
  }

  private Object shown(FieldDef field, Object value, CallerView view, boolean unmasked) {
    boolean clear = view.clear(field.key()) && (unmasked || !field.isMasked());
    return clear ? value : Masks.maskValue(field.key(), value);
  }

  private int storedTagCount() {
    return (int) tags.tags().stream().filter(t -> !t.isAgeFilter()).count();
  }

  private List<String> visibleTagValues(Object value, CallerView view) {
    List<String> visible = clearTags(view);
    List<String> out = new ArrayList<>();
    for (Object v : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
      if (v != null && visible.contains(v.toString())) {
        out.add(v.toString());
      }
    }
    return out;
  }

  /** provenance: entries of fields she sees, from sources she may know of, record keys only if allowed. */
  private Map<String, Object> provenance(Object value, CallerView view) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(value instanceof Map<?, ?> map)) {
      return out;
    }
    map.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (key.equals("tags") && v instanceof Map<?, ?> why) {
        out.put(key, tagExplanations(why, view));
      } else if (schema.field(key).isPresent() && view.shows(key) && v instanceof Map<?, ?> winner && sourceVisible(winner, view)) {
        out.put(key, withoutRecordKey(winner, view));
      }
    });
    return out;
  }

  /** provenance.tags: why each tag holds, for the tags she sees. */
  private Map<String, Object> tagExplanations(Map<?, ?> why, CallerView view) {
    Map<String, Object> out = new LinkedHashMap<>();
    why.forEach((tag, explanation) -> {
      Optional<TagDef> def = tags.tag(String.valueOf(tag));
      if (def.isPresent() && view.tag(def.get()) == Treatment.clear && (!(explanation instanceof Map<?, ?> m) || sourceVisible(m, view))) {
        out.put(String.valueOf(tag), explanation instanceof Map<?, ?> m ? withoutRecordKey(m, view) : explanation);
      }
    });
    return out;
  }

  /** conflicts: the losing values of fields she sees, masked as the field is, from sources she may know of. */
  private Map<String, Object> conflicts(Object value, CallerView view, boolean unmasked) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(value instanceof Map<?, ?> map)) {
      return out;
    }
    map.forEach((k, v) -> {
      String key = String.valueOf(k);
      Optional<FieldDef> field = schema.field(key);
      if (field.isEmpty() || !view.shows(key)) {
        return;
      }
      List<Object> losers = new ArrayList<>();
      for (Object loser : v instanceof List<?> list ? list : List.of()) {
        if (loser instanceof Map<?, ?> m && sourceVisible(m, view)) {
          Map<String, Object> copy = withoutRecordKey(m, view);
          copy.computeIfPresent("value", (x, val) -> shown(field.get(), val, view, unmasked));
          losers.add(copy);
        }
      }
      if (!losers.isEmpty()) {
        out.put(key, losers);
      }
    });
    return out;
  }

  private static boolean sourceVisible(Map<?, ?> entry, CallerView view) {
    Object source = entry.get("source");
    return source == null || view.source(source.toString()) == Treatment.clear;
  }

  private static Map<String, Object> withoutRecordKey(Map<?, ?> entry, CallerView view) {
    Map<String, Object> copy = new LinkedHashMap<>();
    entry.forEach((k, v) -> copy.put(String.valueOf(k), v));
    if (!view.recordKeys()) {
      copy.remove("record_key");
    }
    return copy;
  }
}
