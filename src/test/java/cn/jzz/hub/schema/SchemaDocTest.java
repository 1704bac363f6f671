package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/schema.md is generated; this fails when the committed page is stale. */
class SchemaDocTest {

  private static final Path DOC = Path.of("docs/schema.md");

  @Test
  void committedDocMatchesTheSchema() throws Exception {
    String fresh = SchemaDoc.render(SchemaFixtures.schema(), SchemaFixtures.tags());
    if (Boolean.getBoolean("hub.regenerate-docs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, fresh, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("docs/schema.md is missing; " + SchemaDoc.REGENERATE_HINT).isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/schema.md is out of date with schemas/; " + SchemaDoc.REGENERATE_HINT)
        .isEqualTo(fresh);
  }

  @Test
  void pageListsEveryFieldAndTag() {
    String page = SchemaDoc.render(SchemaFixtures.schema(), SchemaFixtures.tags());
    assertThat(page).startsWith("<!-- GENERATED from schemas/");
    SchemaFixtures.schema().allFields().forEach(f -> assertThat(page).contains("| `" + f.key() + "` |"));
    SchemaFixtures.tags().tags().forEach(t -> assertThat(page).contains("| " + t.name() + " |"));
    assertThat(page).contains("| 23 | 联系电话 | `phone` | string |  | M | latest of ishandong, zfw, clj, tyjrj |");
  }
}
