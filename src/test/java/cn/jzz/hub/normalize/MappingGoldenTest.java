package cn.jzz.hub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.Yaml;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: for every source, raw rows as the connector delivers them (every quirk of
 * departments.md, dirty rows included) go through the shipped {@code mappings/<source>.yaml}, and
 * what comes out must be exactly what {@code src/test/resources/golden/<source>.yaml} says: the
 * contributions (role, fields, tags, quality notes), reference records, or the filter rule or
 * quarantine reason.
 */
class MappingGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Instant SOURCE_TIME = Instant.parse("2026-11-20T02:00:00Z");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final MappingRegistry registry = NormalizeFixtures.registry();
  private final Normalizer normalizer = NormalizeFixtures.normalizer(registry);

  @TestFactory
  Stream<DynamicContainer> everySourceMatchesItsGoldenFile() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream().map(this::source);
    }
  }

  @Test
  void everyShippedMappingAndEveryEntityHasGoldenCases() throws IOException {
    assertThat(registry.sources()).hasSize(16);
    for (String source : registry.sources()) {
      Path file = GOLDEN.resolve(source + ".yaml");
      assertThat(file).as("golden file for " + source).exists();
      Set<String> covered = new TreeSet<>();
      Yaml.read(file).path("cases").forEach(c -> covered.add(c.path("entity").asText()));
      assertThat(covered).as("entities of " + source + " with golden cases").containsAll(registry.active(source).entityNames());
    }
  }

  private DynamicContainer source(Path file) {
    JsonNode doc = Yaml.read(file);
    String source = doc.path("source").asText();
    List<DynamicTest> tests = new ArrayList<>();
    int index = 0;
    for (JsonNode c : doc.path("cases")) {
      int i = index++;
      tests.add(DynamicTest.dynamicTest(source + " " + i + ": " + c.path("name").asText(), () -> check(source, i, c)));
    }
    return DynamicContainer.dynamicContainer(source, tests);
  }

  private void check(String source, int index, JsonNode c) {
    Map<String, Object> row = Json.MAPPER.convertValue(c.path("row"), MAP);
    String op = c.path("op").asText("r");
    RawEvent event = new RawEvent(source, c.path("entity").asText(), op, c.path("key").asText(String.valueOf(index)),
        op.equals("d") ? null : row, op.equals("d") ? row : null, SOURCE_TIME, "golden:" + index);
    Normalizer.Outcome outcome = normalizer.apply(event);
    JsonNode expect = c.path("expect");
    JsonNode actual = Json.MAPPER.valueToTree(describe(outcome));
    assertThat(actual).as("outcome of case '%s'", c.path("name").asText()).isEqualTo(expected(expect));
  }

  /** The outcome in the golden file's terms (person ids left out: they depend on the key). */
  static Map<String, Object> describe(Normalizer.Outcome outcome) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (outcome instanceof Normalizer.Outcome.Accepted a) {
      out.put("outcome", "accepted");
      if (!a.contributions().isEmpty()) {
        List<Map<String, Object>> contributions = new ArrayList<>();
        for (Contribution contribution : a.contributions()) {
          Map<String, Object> m = new LinkedHashMap<>();
          if (contribution.role() != null) {
            m.put("role", contribution.role());
          }
          m.put("fields", contribution.fields());
          if (!contribution.tags().isEmpty()) {
            List<Map<String, Object>> tags = new ArrayList<>();
            contribution.tags().forEach(t -> {
              Map<String, Object> tag = new LinkedHashMap<>();
              tag.put("tag", t.tag());
              if (t.from() != null) {
                tag.put("from", t.from().toString());
              }
              if (t.until() != null) {
                tag.put("until", t.until().toString());
              }
              tags.add(tag);
            });
            m.put("tags", tags);
          }
          if (!contribution.quality().isEmpty()) {
            m.put("quality", contribution.quality());
          }
          contributions.add(m);
        }
        out.put("contributions", contributions);
      }
      if (!a.references().isEmpty()) {
        List<Map<String, Object>> references = new ArrayList<>();
        a.references().forEach(r -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("kind", r.kind());
          m.put("code", r.code());
          m.put("fields", r.fields());
          references.add(m);
        });
        out.put("references", references);
      }
    } else if (outcome instanceof Normalizer.Outcome.Rejected r) {
      out.put("outcome", "quarantined");
      out.put("reason", r.reason());
    } else if (outcome instanceof Normalizer.Outcome.Filtered f) {
      out.put("outcome", "filtered");
      out.put("rule", f.rule());
    } else {
      out.put("outcome", "deleted");
    }
    return out;
  }

  /** The expectation with YAML's scalars read as the JSON the outcome produces (numbers stay numbers). */
  private static JsonNode expected(JsonNode expect) {
    return Json.MAPPER.valueToTree(Json.MAPPER.convertValue(expect, MAP));
  }
}
