package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTemplateTest {

  private final JsonNode template = IndexTemplate.tree(SchemaFixtures.schema());
  private final JsonNode props = template.at("/template/mappings/properties");

  @Test
  void isMarkedGeneratedAndStrict() throws Exception {
    String json = IndexTemplate.json(SchemaFixtures.schema());
    assertThat(json).startsWith("{\n  \"_meta\" : {\n    \"generated_from\" : \"schemas/resident.yaml\"");
    assertThat(new ObjectMapper().readTree(json)).isEqualTo(template);
    assertThat(template.at("/index_patterns/0").asText()).isEqualTo("residents-*");
    assertThat(template.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
    assertThat(template.has("aliases")).as("the indexer owns the alias").isFalse();
  }

  @Test
  void mapsEachTypeToACoreFieldType() {
    assertThat(type("county_code")).isEqualTo("keyword");
    assertThat(type("compound_type")).isEqualTo("keyword");
    assertThat(type("elderly_tags")).isEqualTo("keyword");
    assertThat(type("id_number")).isEqualTo("keyword");
    assertThat(type("floor_no")).isEqualTo("integer");
    assertThat(type("family_doctor_signed")).isEqualTo("boolean");
    assertThat(props.at("/birth_date/type").asText()).isEqualTo("date");
    assertThat(props.at("/birth_date/format").asText()).isEqualTo("yyyy-MM-dd");
    assertThat(props.at("/updated_at/format").asText()).isEqualTo("strict_date_optional_time");
    assertThat(type("version")).isEqualTo("long");
    assertThat(type("person_id")).isEqualTo("keyword");
    assertThat(type("sources")).isEqualTo("keyword");
    assertThat(type("tag_all")).isEqualTo("keyword");
    for (String stored : List.of("provenance", "conflicts", "quality")) {
      assertThat(props.at("/" + stored + "/type").asText()).isEqualTo("object");
      assertThat(props.at("/" + stored + "/enabled").asBoolean(true)).isFalse();
    }
  }

  @Test
  void nameAndAddressesAreTextWithKeywordSubfield() {
    for (String key : List.of("full_name", "hukou_address", "compound_name")) {
      assertThat(props.at("/" + key + "/type").asText()).isEqualTo("text");
      assertThat(props.at("/" + key + "/analyzer").asText()).isEqualTo("standard");
      assertThat(props.at("/" + key + "/fields/keyword/type").asText()).isEqualTo("keyword");
    }
  }

  @Test
  void usesNothingTheIntegTestDistributionLacks() {
    // That node has no analysis-common and no mapper-extras: only built-in analyzers and core types.
    List<String> types = new ArrayList<>();
    List<String> analyzers = new ArrayList<>();
    template.findParents("type").forEach(p -> types.add(p.get("type").asText()));
    template.findValues("analyzer").forEach(a -> analyzers.add(a.asText()));
    assertThat(types).isSubsetOf("keyword", "text", "date", "integer", "long", "boolean", "object");
    assertThat(analyzers).containsOnly("standard");
    assertThat(template.at("/template/settings/index/analysis").isMissingNode()).isTrue();
    assertThat(props.size()).isEqualTo(55 + 8 + 1);
  }

  private String type(String key) {
    return props.at("/" + key + "/type").asText();
  }
}
