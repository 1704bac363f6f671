package cn.jzz.hub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.ConfigProblems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingCompilerTest {

  private final MappingCompiler compiler = new MappingCompiler(Set.of("full_name", "sex", "birth_date", "person_category")::contains);

  @Test
  void theShippedGajMappingCompiles() throws Exception {
    MappingCompiler.Result result = compiler.compile(Files.readString(Path.of("mappings/gaj.yaml")), "gaj");
    assertThat(result.problems()).isEmpty();
    assertThat(result.mapping().version()).isEqualTo(1);
    assertThat(result.mapping().entity("rk_jbxx")).isNotNull();
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    String yaml =
        """
        source: gja
        version: 0
        colour: blue
        entities:
          rk_jbxx:
            id_numbr: gmsfhm
            fields:
              full_nam: {from: xm}
              sex: {from: xb, transform: [trim, squash]}
              birth_date: {from: csrq, const: "x"}
              person_category: {from: x, transform: [{map: {}}]}
        """;
    MappingCompiler.Result result = compiler.compile(yaml, "gaj");
    assertThat(result.valid()).isFalse();
    assertThat(result.problems())
        .extracting(Problem::path)
        .contains(
            "$.colour",
            "$.version",
            "$.source",
            "$.entities.rk_jbxx.id_numbr",
            "$.entities.rk_jbxx.id_number",
            "$.entities.rk_jbxx.fields.full_nam",
            "$.entities.rk_jbxx.fields.sex.transform[1]",
            "$.entities.rk_jbxx.fields.birth_date",
            "$.entities.rk_jbxx.fields.person_category.transform[0]");
    assertThat(result.problems()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(result.problems().stream().filter(p -> p.path().equals("$.colour")).findFirst().orElseThrow().message())
        .contains("allowed: [description, entities, source, version]");
  }

  @Test
  void notYamlIsAProblemNotAnException() {
    MappingCompiler.Result result = compiler.compile("entities: [unclosed", "gaj");
    assertThat(result.valid()).isFalse();
    assertThat(result.problems()).hasSize(1).first().extracting(Problem::message).asString().startsWith("not valid YAML");
  }

  @Test
  void aBadVersionNeverReplacesTheActiveOne() throws Exception {
    MappingRegistry registry = new MappingRegistry(compiler);
    registry.loadAll(Path.of("mappings"));
    CompiledMapping before = registry.active("gaj");
    MappingCompiler.Result result = registry.activate("gaj", "source: gaj\nversion: 2\nentities: {}\n");
    assertThat(result.valid()).isFalse();
    assertThat(registry.active("gaj")).isSameAs(before);
  }
}
