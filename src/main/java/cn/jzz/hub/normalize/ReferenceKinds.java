package cn.jzz.hub.normalize;

import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.ResidentSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of {@link ReferenceRecord} and the fields each carries: the contract between normalize
 * and the merge. A field named like a resident field has that field's type; the others are declared
 * here.
 */
final class ReferenceKinds {

  static final List<String> KINDS = List.of("compound", "building", "house", "grid", "family", "insurance");

  private static final FieldType STRING = new FieldType(FieldType.Kind.STRING, null, List.of(), null, false);
  private static final FieldType INT = new FieldType(FieldType.Kind.INT, null, List.of(), null, false);
  private static final FieldType DATE = new FieldType(FieldType.Kind.DATE, null, List.of(), null, false);

  private ReferenceKinds() {}

  /** Field name → type for one kind; empty for an unknown kind. */
  static Map<String, FieldType> fields(String kind, ResidentSchema schema) {
    Map<String, FieldType> f = new LinkedHashMap<>();
    switch (kind) {
      case "compound" -> {
        f.put("compound_name", schemaType(schema, "compound_name"));
        f.put("compound_type", schemaType(schema, "compound_type"));
        f.put("property_service", schemaType(schema, "property_service"));
        f.put("community_code", schemaType(schema, "community_code"));
      }
      case "building" -> {
        f.put("compound_code", STRING);
        f.put("building_no", schemaType(schema, "building_no"));
        f.put("unit_count", INT);
        f.put("floor_count", INT);
      }
      case "house" -> {
        f.put("building_code", STRING);
        f.put("unit_no", schemaType(schema, "unit_no"));
        f.put("floor_no", schemaType(schema, "floor_no"));
        f.put("room_no", schemaType(schema, "room_no"));
        f.put("house_use", schemaType(schema, "house_use"));
        f.put("house_tenure", schemaType(schema, "house_tenure"));
      }
      case "grid" -> {
        f.put("community_code", schemaType(schema, "community_code"));
        f.put("grid_name", STRING);
        f.put("grid_worker", STRING);
        f.put("grid_worker_phone", STRING);
      }
      case "family" -> {
        // An mzj assistance family: its members (sa_member, family_code) carry assistance_tag from
        // valid_from until valid_until, and live in community_code.
        f.put("community_code", schemaType(schema, "community_code"));
        f.put("assistance_tag", new FieldType(FieldType.Kind.ENUM, null, schema.field("assistance_tags").map(d -> d.type().values()).orElse(List.of()), null, false));
        f.put("valid_from", DATE);
        f.put("valid_until", DATE);
      }
      case "insurance" -> {
        // An rsj ac02 insurance row: it names the insured by 个人编号 only; people carry the same
        // number in insured_no (from ac01), and the merge joins the two.
        f.put("insured_no", STRING);
        f.put("pension_insurance", schemaType(schema, "pension_insurance"));
      }
      default -> {
        return Map.of();
      }
    }
    return f;
  }

  private static FieldType schemaType(ResidentSchema schema, String key) {
    return schema.field(key).map(d -> d.type()).orElse(STRING);
  }
}
