package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.query.SchemaResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One edit in schemas/ reaches every derived artifact, with no other edit: the schema lives once. */
class SchemaDerivationTest {

  @TempDir Path tmp;

  @Test
  void changingALabelChangesHeaderApiAndDoc() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "resident.yaml", "    label: 房号\n", "    label: 房间号\n");
    ResidentSchema changed = ResidentSchema.load(dir);
    ResidentSchema original = SchemaFixtures.schema();

    assertThat(ExportHeaders.of(original).header("room_no")).isEqualTo("房号");
    assertThat(ExportHeaders.of(changed).header("room_no")).isEqualTo("房间号");
    assertThat(apiField(changed, "room_no").label()).isEqualTo("房间号");
    assertThat(doc(changed, dir)).contains("| 11 | 房间号 | `room_no` |").doesNotContain("| 房号 |");
    assertThat(doc(original, SchemaFixtures.SCHEMAS)).contains("| 11 | 房号 | `room_no` |");
  }

  @Test
  void changingATypeChangesIndexTemplateApiAndDoc() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "resident.yaml",
        "    key: floor_no\n    label: 楼层\n    group: C\n    type: int\n",
        "    key: floor_no\n    label: 楼层\n    group: C\n    type: string\n");
    ResidentSchema changed = ResidentSchema.load(dir);

    JsonNode before = IndexTemplate.tree(SchemaFixtures.schema()).at("/template/mappings/properties/floor_no/type");
    JsonNode after = IndexTemplate.tree(changed).at("/template/mappings/properties/floor_no/type");
    assertThat(before.asText()).isEqualTo("integer");
    assertThat(after.asText()).isEqualTo("keyword");
    assertThat(apiField(changed, "floor_no").type()).isEqualTo("string");
    assertThat(doc(changed, dir)).contains("| 10 | 楼层 | `floor_no` | string |");
  }

  private static SchemaResponse.Field apiField(ResidentSchema schema, String key) {
    return SchemaResponse.from(schema, SchemaFixtures.tags()).fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  private static String doc(ResidentSchema schema, Path dir) {
    return SchemaDoc.render(schema, TagDictionary.load(dir, schema));
  }
}
