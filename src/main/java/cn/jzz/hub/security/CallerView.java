package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyDefinition.Rows;
import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.TagDef;
import java.util.List;
import java.util.Map;

/**
 * How one caller sees the resident record, decided once per request by {@link AccessPolicy}: the
 * treatment of each field (after grants), of each source's membership, the rows she may read and
 * whether record keys are shown.
 */
public final class CallerView {

  private final Principal principal;
  private final Rows rows;
  private final boolean recordKeys;
  private final Map<String, Treatment> fields;
  private final Map<String, Treatment> sources;
  private final int minCell;

  CallerView(Principal principal, Rows rows, boolean recordKeys, Map<String, Treatment> fields, Map<String, Treatment> sources, int minCell) {
    this.principal = principal;
    this.rows = rows;
    this.recordKeys = recordKeys;
    this.fields = Map.copyOf(fields);
    this.sources = Map.copyOf(sources);
    this.minCell = minCell;
  }

  public Principal principal() {
    return principal;
  }

  public Rows rows() {
    return rows;
  }

  /** Whether source record keys ({@code sa_member:10}) may be shown: they name the register a person is in. */
  public boolean recordKeys() {
    return recordKeys;
  }

  /** The smallest count shown where a counted field is involved. */
  public int minCell() {
    return minCell;
  }

  /** The field's treatment; unknown keys are hidden. */
  public Treatment field(String key) {
    return fields.getOrDefault(key, Treatment.hidden);
  }

  public Treatment field(FieldDef field) {
    return field(field.key());
  }

  /** Age filters are computed from birth_date; a stored tag is seen as its field is. */
  public Treatment tag(TagDef tag) {
    return tag.isAgeFilter() ? field("birth_date") : field(tag.field());
  }

  /** How far the caller may know that a source speaks of a person; unknown sources are hidden. */
  public Treatment source(String id) {
    return sources.getOrDefault(id, Treatment.hidden);
  }

  /** Whether the field is shown per person (clear or masked). */
  public boolean shows(String key) {
    Treatment t = field(key);
    return t == Treatment.clear || t == Treatment.masked;
  }

  public boolean clear(String key) {
    return field(key) == Treatment.clear;
  }

  /** Whether any masked-class field is clear to her: she may ask for an unmasked export (with a purpose). */
  public boolean seesAnyClear(List<FieldDef> maskedFields) {
    return maskedFields.stream().anyMatch(f -> clear(f.key()));
  }

  /** The sources whose membership she may see per person. */
  public List<String> clearSources() {
    return sources.entrySet().stream().filter(e -> e.getValue() == Treatment.clear).map(Map.Entry::getKey).sorted().toList();
  }

  /** The sources she may count by (clear or counted). */
  public List<String> countableSources() {
    return sources.entrySet().stream().filter(e -> e.getValue() == Treatment.clear || e.getValue() == Treatment.counted).map(Map.Entry::getKey).sorted().toList();
  }

  public boolean allSourcesClear() {
    return sources.values().stream().allMatch(t -> t == Treatment.clear);
  }
}
