package cn.jzz.hub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.ConfigProblems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingCompilerTest {

  private final MappingCompiler compiler = new MappingCompiler(NormalizeFixtures.CONTEXT);

  @Test
  void everyShippedMappingCompiles() throws Exception {
    try (var files = Files.list(Path.of("mappings"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        String source = file.getFileName().toString().replace(".yaml", "");
        MappingCompiler.Result result = compiler.compile(Files.readString(file), source);
        assertThat(result.problems()).as(source).isEmpty();
      }
    }
  }

  @Test
  void tenMistakesAreTenProblemsEachWithItsPathAndLine() {
    String yaml =
        """
        source: gaj
        version: 2
        colour: blue
        entities:
          rk_jbxx:
            id_number: gmsfhm
            fields:
              full_nam: {from: xm}
              sex: {from: xb, transform: [trim, squash]}
              ethnicity: {from: mz, transform: [{code_table: nations}]}
              person_category: {const: "7"}
              birth_date: {from: csrq, transform: [{map: {"1": null}}, trim]}
              education: {from: whcd, transform: [{date: yyyyMMdd}]}
              marital_status: {from: hyzk, transform: [{map: {"1": "20", "2": "99"}}]}
            tags:
              - {tag: 独居老人}
              - {tag: 低保, from: ksrq}
        """;
    MappingCompiler.Result result = compiler.compile(yaml, "gaj");
    assertThat(result.valid()).isFalse();
    List<YamlLocator.LocatedProblem> located = YamlLocator.locate(yaml, result.problems());
    assertThat(located)
        .extracting(YamlLocator.LocatedProblem::path, YamlLocator.LocatedProblem::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("$.colour", 3),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.full_nam", 8),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.sex.transform[1]", 9),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.ethnicity.transform[0]", 10),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.person_category", 11),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.birth_date.transform[1]", 12),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.education", 13),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.fields.marital_status", 14),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.tags[0].tag", 16),
            org.assertj.core.groups.Tuple.tuple("$.entities.rk_jbxx.tags[1].tag", 17));
    assertThat(message(result, "$.colour")).contains("allowed: [description, entities, source, version]");
    assertThat(message(result, "$.entities.rk_jbxx.fields.sex.transform[1]")).contains("unknown transform 'squash'");
    assertThat(message(result, "$.entities.rk_jbxx.fields.ethnicity.transform[0]")).contains("unknown code table 'nations'");
    assertThat(message(result, "$.entities.rk_jbxx.fields.person_category")).contains("[7] is not valid").contains("code(person-category)");
    assertThat(message(result, "$.entities.rk_jbxx.fields.birth_date.transform[1]")).startsWith("unreachable");
    assertThat(message(result, "$.entities.rk_jbxx.fields.education")).contains("education is code(education) but the chain yields date");
    assertThat(message(result, "$.entities.rk_jbxx.fields.marital_status")).contains("[99]");
    assertThat(message(result, "$.entities.rk_jbxx.tags[0].tag")).contains("unknown tag '独居老人'");
    assertThat(message(result, "$.entities.rk_jbxx.tags[1].tag")).contains("gaj may not assert '低保'");
  }

  private static String message(MappingCompiler.Result result, String path) {
    return result.problems().stream().filter(p -> p.path().equals(path)).map(Problem::message).findFirst().orElseThrow(() -> new AssertionError("no problem at " + path + " in " + result.problems()));
  }

  @Test
  void structuralMistakesAreReportedTogether() {
    String yaml =
        """
        source: gja
        version: 0
        entities:
          rk_jbxx:
            id_numbr: gmsfhm
            full_dump: true
            fields:
              id_number: gmsfhm
              elderly_tags: {from: bq}
              birth_date: {from: csrq, const: "x"}
          wg:
            reference: {kind: tower, code: wgbm, fields: {height: gd}}
        """;
    MappingCompiler.Result result = compiler.compile(yaml, "gaj");
    assertThat(result.problems())
        .extracting(Problem::path)
        .contains(
            "$.version",
            "$.source",
            "$.entities.rk_jbxx.id_numbr",
            "$.entities.rk_jbxx.id_number",
            "$.entities.rk_jbxx.full_dump",
            "$.entities.rk_jbxx.fields.id_number",
            "$.entities.rk_jbxx.fields.elderly_tags",
            "$.entities.rk_jbxx.fields.birth_date",
            "$.entities.wg.reference.kind");
  }

  @Test
  void notYamlIsAProblemWithTheParsersLine() {
    String yaml = "source: gaj\nentities: [unclosed\n";
    MappingCompiler.Result result = compiler.compile(yaml, "gaj");
    assertThat(result.valid()).isFalse();
    assertThat(result.problems()).hasSize(1).first().extracting(Problem::message).asString().startsWith("not valid YAML");
    assertThat(YamlLocator.locate(yaml, result.problems()).get(0).line()).isNotNull();
  }

  @Test
  void aBadVersionNeverReplacesTheActiveOne() {
    MappingRegistry registry = NormalizeFixtures.registry();
    CompiledMapping before = registry.active("gaj");
    assertThat(registry.activate("gaj", "source: gaj\nversion: 2\nentities: {}\n").valid()).isFalse();
    assertThat(registry.active("gaj")).isSameAs(before);
    String older = before.yaml().replace("version: 1", "version: 1");
    assertThat(registry.activate("gaj", older).problems()).extracting(Problem::path).containsExactly("$.version");
    assertThat(registry.active("gaj")).isSameAs(before);
  }

  @Test
  void activatedVersionsSurviveARestartAndANewerRepositoryFileWins(@org.junit.jupiter.api.io.TempDir Path state) throws Exception {
    MappingStore store = new MappingStore(state);
    MappingRegistry first = new MappingRegistry(compiler, store);
    first.loadAll(Path.of("mappings"));
    String v2 = first.active("gaj").yaml().replace("version: 1", "version: 2");
    assertThat(first.activate("gaj", v2).valid()).isTrue();

    MappingRegistry restarted = new MappingRegistry(compiler, store);
    restarted.loadAll(Path.of("mappings"));
    assertThat(restarted.active("gaj").version()).isEqualTo(2);
    assertThat(restarted.versions("gaj")).containsExactly(1, 2);
    assertThat(store.read("gaj", 1)).contains(Files.readString(Path.of("mappings/gaj.yaml")));
  }
}
