package cn.jzz.hub.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The unified resident record's definition, loaded from {@code schemas/}: the one source of truth
 * for field keys, labels, types, code tables, sensitivity and authority. Also the field registry
 * other stages query (by key, by group, searchable, tag, sensitive and masked fields).
 *
 * <p>Lookups scan at most 63 fields; that is cheaper than it sounds and keeps this a plain record.
 *
 * @param version the schema's version number (resident.yaml {@code version})
 * @param groups groups A–H and S, in file order
 * @param fields the 55 data fields, ordered by number
 * @param systemFields the system fields (group S), in file order
 * @param codeTables every code table the fields may name
 * @param sources the source registry
 */
public record ResidentSchema(
    int version,
    List<FieldGroup> groups,
    List<FieldDef> fields,
    List<FieldDef> systemFields,
    CodeTables codeTables,
    Sources sources) {

  public ResidentSchema {
    groups = List.copyOf(groups);
    fields = List.copyOf(fields);
    systemFields = List.copyOf(systemFields);
  }

  /**
   * Loads and validates {@code schemasDir} (resident.yaml, sources.yaml, codes/, divisions/).
   *
   * @throws SchemaException listing every problem found, each with its file and path
   */
  public static ResidentSchema load(Path schemasDir) {
    return ResidentSchemaLoader.load(schemasDir);
  }

  /** Data fields then system fields. */
  public Stream<FieldDef> allFields() {
    return Stream.concat(fields.stream(), systemFields.stream());
  }

  /** A data or system field by key. */
  public Optional<FieldDef> field(String key) {
    return allFields().filter(f -> f.key().equals(key)).findFirst();
  }

  /** A field by key, or an exception naming the unknown key. */
  public FieldDef require(String key) {
    return field(key).orElseThrow(() -> new IllegalArgumentException(
        "unknown field '" + key + "'; the resident record's fields are listed in docs/schema.md"));
  }

  /** A data field by its number 1..55. */
  public Optional<FieldDef> fieldByNumber(int number) {
    return fields.stream().filter(f -> f.number() == number).findFirst();
  }

  public Optional<FieldGroup> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** The fields of one group (data fields by number; S gives the system fields). */
  public List<FieldDef> fieldsOf(String groupId) {
    return allFields().filter(f -> f.group().id().equals(groupId)).toList();
  }

  /** Fields that full-text search covers (name and addresses). */
  public List<FieldDef> searchableFields() {
    return fields.stream().filter(FieldDef::searchable).toList();
  }

  /** The tag fields (43, 48–55). */
  public List<FieldDef> tagFields() {
    return fields.stream().filter(FieldDef::isTags).toList();
  }

  /** The tag field that may hold {@code tag}, if any. */
  public Optional<FieldDef> tagField(String tag) {
    return tagFields().stream().filter(f -> f.type().values().contains(tag)).findFirst();
  }

  /** Fields visible only to roles granted sensitive data (S). */
  public List<FieldDef> sensitiveFields() {
    return fields.stream().filter(FieldDef::isSensitive).toList();
  }

  /** Fields masked unless the role may see them unmasked (M). */
  public List<FieldDef> maskedFields() {
    return fields.stream().filter(FieldDef::isMasked).toList();
  }

  /** Restricted fields (justice and public-safety tags). */
  public List<FieldDef> restrictedFields() {
    return fields.stream().filter(FieldDef::isRestricted).toList();
  }
}
