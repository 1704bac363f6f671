package cn.jzz.hub.security;

import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.Sensitivity;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place that decides what of a resident record a caller gets: S fields only with a grant,
 * restricted tag fields only with an explicit grant, M fields masked unless unmasking is allowed and
 * asked for; the person page's provenance, conflicts, quality notes and sources by the same rules. Search items, facets, the person page, lookup and every export pass through here.
 */
public final class FieldProtection {

  private final ResidentSchema schema;
  private final TagDictionary tags;
  private final QualityNotes notes;

  public FieldProtection(ResidentSchema schema, TagDictionary tags) {
    this.schema = schema;
    this.tags = tags;
    this.notes = new QualityNotes(schema);
  }

  /**
   * Whether the caller may know that {@code source} speaks of a person: not when everything the source
   * can contribute (the fields whose authority names it, the tags it owns) is hidden from her — a
   * person listed by 司法局 (sfj) is a person with justice tags. Sources named nowhere stay visible.
   */
  public boolean maySeeSource(Principal principal, String source) {
    if (principal.isAdmin()) {
      return true;
    }
    boolean named = false;
    for (FieldDef field : schema.fields()) {
      if (field.isTags() || field.authority() == null || !field.authority().sources().contains(source)) {
        continue;
      }
      named = true;
      if (principal.maySee(field)) {
        return true;
      }
    }
    for (TagDef tag : tags.tags()) {
      if (tag.owners().contains(source)) {
        named = true;
        if (maySeeTag(principal, tag)) {
          return true;
        }
      }
    }
    return !named;
  }

  /** The sources the caller may know of, of all those schemas/sources.yaml lists. */
  public List<String> visibleSources(Principal principal) {
    return schema.sources().ids().stream().filter(s -> maySeeSource(principal, s)).toList();
  }

  /** Whether the caller may see (and therefore filter, count, sort on) the field with this key. */
  public boolean maySee(Principal principal, String key) {
    Optional<FieldDef> field = schema.field(key);
    return field.isPresent() && principal.maySee(field.get());
  }

  /**
   * Whether the caller may see a tag: age filters are computed from birth_date (an ordinary field);
   * other tags follow their own sensitivity (tags.yaml may override the field's) and their field.
   */
  public boolean maySeeTag(Principal principal, TagDef tag) {
    if (tag.isAgeFilter()) {
      return true;
    }
    FieldDef field = schema.require(tag.field());
    if (!principal.maySee(field)) {
      return false;
    }
    if (principal.isAdmin()) {
      return true;
    }
    if (tag.sensitivity().contains(Sensitivity.RESTRICTED) && !principal.grants().contains("restricted:" + field.key())) {
      return false;
    }
    return !tag.sensitivity().contains(Sensitivity.S) || principal.grants().contains("sensitive:" + field.key())
        || principal.grants().contains("restricted:" + field.key());
  }

  /** The stored tags (not age filters) the caller may see, for tag_all and facets. */
  public List<String> visibleTags(Principal principal) {
    return tags.tags().stream().filter(t -> !t.isAgeFilter() && maySeeTag(principal, t)).map(TagDef::name).toList();
  }

  /**
   * The document as the caller may see it: invisible fields removed (also from provenance and
   * conflicts), tag_all reduced to visible tags, M fields masked unless {@code unmasked}.
   *
   * @param unmasked whether M fields stay clear; callers pass true only after checking
   *     {@link Principal#mayUnmask()} (and, for exports, a purpose)
   */
  public Map<String, Object> protect(Map<String, Object> doc, Principal principal, boolean unmasked) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equals(IndexTemplate.TAG_ALL)) {
        out.put(key, visibleTagValues(value, principal));
        continue;
      }
      if (key.equals("provenance")) {
        Map<String, Object> provenance = perField(value, principal, unmasked, false);
        if (value instanceof Map<?, ?> all && all.get("tags") instanceof Map<?, ?> why) {
          provenance.put("tags", visibleTagExplanations(why, principal));
        }
        out.put(key, provenance);
        continue;
      }
      if (key.equals("quality")) {
        boolean allTags = tags.tags().stream().allMatch(t -> t.isAgeFilter() || maySeeTag(principal, t));
        out.put(key, notes.protect(value, principal, unmasked, s -> maySeeSource(principal, s), allTags));
        continue;
      }
      if (key.equals("sources")) {
        out.put(key, value instanceof List<?> list ? list.stream().filter(s -> s != null && maySeeSource(principal, s.toString())).toList() : List.of());
        continue;
      }
      if (key.equals("conflicts")) {
        out.put(key, perField(value, principal, unmasked, true));
        continue;
      }
      Optional<FieldDef> field = schema.field(key);
      if (field.isEmpty()) {
        // Unknown to the schema: never passed on, so nothing the schema does not describe can leak.
        continue;
      }
      if (!principal.maySee(field.get())) {
        continue;
      }
      out.put(key, unmasked ? value : maskValue(field.get(), value));
    }
    return out;
  }

  /**
   * What {@link #protect} does to the values of one field, decided once: for exports, which apply it
   * to every row of a column. Empty if the field is unknown or invisible to the caller.
   */
  public Optional<UnaryOperator<Object>> columnView(Principal principal, String key, boolean unmasked) {
    Optional<FieldDef> field = schema.field(key);
    if (field.isEmpty() || !principal.maySee(field.get())) {
      return Optional.empty();
    }
    FieldDef f = field.get();
    return Optional.of(unmasked || !f.isMasked() ? UnaryOperator.identity() : value -> maskValue(f, value));
  }

  /** A value of a field as the caller sees it (masked if M and not unmasked); null if invisible. */
  public Object view(Principal principal, FieldDef field, Object value, boolean unmasked) {
    if (!principal.maySee(field)) {
      return null;
    }
    return unmasked ? value : maskValue(field, value);
  }

  private Object maskValue(FieldDef field, Object value) {
    if (!field.isMasked() || value == null) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> masked = new ArrayList<>();
      list.forEach(v -> masked.add(v == null ? null : Masks.mask(field.key(), v.toString())));
      return masked;
    }
    return Masks.mask(field.key(), value.toString());
  }

  private List<String> visibleTagValues(Object value, Principal principal) {
    List<String> visible = visibleTags(principal);
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> {
        if (v != null && visible.contains(v.toString())) {
          out.add(v.toString());
        }
      });
    } else if (value != null && visible.contains(value.toString())) {
      out.add(value.toString());
    }
    return out;
  }

  /** provenance.tags: why each tag holds, for the tags the caller may see. */
  private Map<String, Object> visibleTagExplanations(Map<?, ?> why, Principal principal) {
    Map<String, Object> out = new LinkedHashMap<>();
    why.forEach((tag, explanation) -> {
      Optional<TagDef> def = tags.tag(String.valueOf(tag));
      if (def.isPresent() && maySeeTag(principal, def.get())) {
        out.put(String.valueOf(tag), explanation);
      }
    });
    return out;
  }

  /**
   * provenance / conflicts: only entries of visible fields and of sources the caller may know of (a
   * hidden source also sends names); the losing values of M fields masked.
   */
  private Map<String, Object> perField(Object value, Principal principal, boolean unmasked, boolean hasValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(value instanceof Map<?, ?> map)) {
      return out;
    }
    map.forEach((k, v) -> {
      Optional<FieldDef> field = schema.field(String.valueOf(k));
      if (field.isEmpty() || !principal.maySee(field.get())) {
        return;
      }
      if (!hasValues) {
        if (!(v instanceof Map<?, ?> winner) || winner.get("source") == null || maySeeSource(principal, winner.get("source").toString())) {
          out.put(String.valueOf(k), v);
        }
        return;
      }
      List<Object> losers = new ArrayList<>();
      for (Object loser : v instanceof List<?> list ? list : List.of()) {
        if (loser instanceof Map<?, ?> m && (m.get("source") == null || maySeeSource(principal, m.get("source").toString()))) {
          Map<Object, Object> copy = new LinkedHashMap<>(m);
          if (!unmasked) {
            copy.computeIfPresent("value", (x, val) -> maskValue(field.get(), val));
          }
          losers.add(copy);
        }
      }
      if (!losers.isEmpty()) {
        out.put(String.valueOf(k), losers);
      }
    });
    return out;
  }
}
