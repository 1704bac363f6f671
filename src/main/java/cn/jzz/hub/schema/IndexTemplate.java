package cn.jzz.hub.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The Elasticsearch composable index template for {@code residents-*}, generated from the schema.
 * The indexer PUTs it as {@code _index_template/residents} and points the {@code residents} alias at
 * the live index itself.
 *
 * <p>Only core field types and the built-in {@code standard} analyzer are used: the integ-test
 * distribution the tests run on has no analysis-common and no mapper-extras. {@code standard} splits
 * Chinese into single characters, so {@code match_phrase} on a text field gives substring search.
 */
public final class IndexTemplate {

  /** Index pattern the template applies to. */
  public static final String INDEX_PATTERN = "residents-*";
  /** Keyword field holding every tag of every tag field (filled by the indexer) for tags_all/tags_any. */
  public static final String TAG_ALL = "tag_all";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> UNINDEXED_OBJECTS = Set.of("provenance", "conflicts", "quality");

  private IndexTemplate() {}

  /** The template as pretty-printed JSON. */
  public static String json(ResidentSchema schema) {
    try {
      return JSON.writeValueAsString(tree(schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The template as a JSON tree (the body of {@code PUT _index_template/residents}). */
  public static ObjectNode tree(ResidentSchema schema) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("_meta")
        .put("generated_from", "schemas/resident.yaml")
        .put("generator", IndexTemplate.class.getName())
        .put("note", "generated: do not edit; change schemas/ instead")
        .put("schema_version", schema.version());
    root.putArray("index_patterns").add(INDEX_PATTERN);
    root.put("priority", 100);
    ObjectNode template = root.putObject("template");
    // 0 replicas on a single node (demo, tests), 1 as soon as there is a second node.
    template.putObject("settings").putObject("index").put("auto_expand_replicas", "0-1");
    ObjectNode mappings = template.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta")
        .put("generated_from", "schemas/resident.yaml")
        .put("schema_version", schema.version());
    ObjectNode properties = mappings.putObject("properties");
    schema.allFields().forEach(f -> properties.set(f.key(), mapping(f)));
    properties.putObject(TAG_ALL).put("type", "keyword");
    return root;
  }

  private static ObjectNode mapping(FieldDef field) {
    ObjectNode m = JSON.createObjectNode();
    if (field.searchable()) {
      m.put("type", "text").put("analyzer", "standard");
      m.putObject("fields").putObject("keyword").put("type", "keyword").put("ignore_above", 512);
      return m;
    }
    switch (field.type().kind()) {
      case STRING, ENUM, CODE, TAGS -> m.put("type", "keyword");
      case INT -> m.put("type", "integer");
      case LONG -> m.put("type", "long");
      case BOOLEAN -> m.put("type", "boolean");
      case DATE -> m.put("type", "date").put("format", "yyyy-MM-dd");
      case TIMESTAMP -> m.put("type", "date").put("format", "strict_date_optional_time");
      case OBJECT -> {
        if (!UNINDEXED_OBJECTS.contains(field.key())) {
          throw new IllegalStateException("no index mapping for object field " + field.key());
        }
        // Kept in _source for the record view, never searched: its keys vary per person.
        m.put("type", "object").put("enabled", false);
      }
      default -> throw new IllegalStateException("no index mapping for " + field.type().kind());
    }
    return m;
  }
}
