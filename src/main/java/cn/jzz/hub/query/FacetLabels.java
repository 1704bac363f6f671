package cn.jzz.hub.query;

import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.ResidentSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Chinese labels of facet values: code-table names (sex 1 → 男, division 370811 → 任城区), Jining's
 * township and community names from {@code schemas/divisions/}, grids as "<community>第N网格", 是/否 for
 * booleans; enum values and tags are their own labels.
 */
public final class FacetLabels {

  private final ResidentSchema schema;
  private final Map<String, String> townships;
  private final Map<String, String> communities;

  public FacetLabels(ResidentSchema schema, Path schemasDir) {
    this.schema = schema;
    this.townships = names(schemasDir.resolve("divisions/jining-townships.csv"));
    this.communities = names(schemasDir.resolve("divisions/jining-communities.csv"));
  }

  public String label(FieldDef field, String value) {
    if (value == null) {
      return null;
    }
    switch (field.key()) {
      case "township_code" -> {
        return townships.getOrDefault(value, value);
      }
      case "community_code" -> {
        return communities.getOrDefault(value, value);
      }
      case "grid_code" -> {
        if (value.length() == 15) {
          String community = communities.get(value.substring(0, 12));
          if (community != null) {
            return community + "第" + Integer.parseInt(value.substring(12)) + "网格";
          }
        }
        return value;
      }
      default -> {
        // fall through to the type
      }
    }
    if (field.type().kind() == FieldType.Kind.CODE) {
      return schema.codeTables().get(field.type().codeTable()).flatMap(t -> t.nameOf(value)).orElse(value);
    }
    if (field.type().kind() == FieldType.Kind.BOOLEAN) {
      return "true".equals(value) || "1".equals(value) ? "是" : "否";
    }
    return value;
  }

  private static Map<String, String> names(Path file) {
    Map<String, String> names = new HashMap<>();
    if (!Files.exists(file)) {
      return names;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(reader)) {
        names.put(row.get("code"), row.get("name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return names;
  }
}
