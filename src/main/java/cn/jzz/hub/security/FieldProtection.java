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
 * asked for. Search items, facets, the person page, lookup and every export pass through here.
 */
public final class FieldProtection {

  private final ResidentSchema schema;
  private final TagDictionary tags;

  public FieldProtection(ResidentSchema schema, TagDictionary tags) {
    this.schema = schema;
    this.tags = tags;
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
        out.put(key, perField(value, principal, unmasked, false));
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

  /** provenance / conflicts: keep only entries of visible fields; mask the losing values of M fields. */
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
      if (hasValues && !unmasked && field.get().isMasked() && v instanceof List<?> losers) {
        List<Object> masked = new ArrayList<>();
        for (Object loser : losers) {
          if (loser instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>(m);
            copy.computeIfPresent("value", (x, val) -> maskValue(field.get(), val));
            masked.add(copy);
          }
        }
        out.put(String.valueOf(k), masked);
      } else {
        out.put(String.valueOf(k), v);
      }
    });
    return out;
  }
}
