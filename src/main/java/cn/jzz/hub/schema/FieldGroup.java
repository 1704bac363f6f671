package cn.jzz.hub.schema;

/**
 * A group of fields: A–H for the 55 data items, S for system fields.
 *
 * @param id the letter
 * @param label the Chinese name (e.g. 区划与网格)
 * @param labelEn the English name
 */
public record FieldGroup(String id, String label, String labelEn) {

  /** Id of the system-field group, whose fields are outside the 55. */
  public static final String SYSTEM = "S";

  public boolean isSystem() {
    return SYSTEM.equals(id);
  }
}
