package cn.jzz.hub.schema;

import java.util.Set;

/**
 * One field of the unified resident record.
 *
 * @param number 1..55 for data items; null for system fields
 * @param key machine name in the index, API and exports; never renamed
 * @param label Chinese label, also the export header
 * @param group the field's group
 * @param type the field's type
 * @param sensitivity protection classes; empty for ordinary fields
 * @param authority survivorship rule; null for system fields (the hub maintains them)
 * @param searchable whether full-text search covers it (name and addresses)
 * @param description one sentence for docs and the console
 */
public record FieldDef(
    Integer number,
    String key,
    String label,
    FieldGroup group,
    FieldType type,
    Set<Sensitivity> sensitivity,
    Authority authority,
    boolean searchable,
    String description) {

  public FieldDef {
    sensitivity = Set.copyOf(sensitivity);
  }

  public boolean isSystem() {
    return group.isSystem();
  }

  /** S: only roles granted it may see the field at all. */
  public boolean isSensitive() {
    return sensitivity.contains(Sensitivity.S);
  }

  /** M: masked in views and exports unless the role may see it unmasked. */
  public boolean isMasked() {
    return sensitivity.contains(Sensitivity.M);
  }

  public boolean isRestricted() {
    return sensitivity.contains(Sensitivity.RESTRICTED);
  }

  public boolean isTags() {
    return type.kind() == FieldType.Kind.TAGS;
  }
}
