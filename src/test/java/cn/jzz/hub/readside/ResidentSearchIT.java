package cn.jzz.hub.readside;

import static cn.jzz.hub.readside.ReadFixtures.age;
import static cn.jzz.hub.readside.ReadFixtures.hasTag;
import static cn.jzz.hub.readside.ReadFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every filter operator, tags, age, text, facets with Chinese labels, paging limits and error answers, on a real index. */
class ResidentSearchIT {

  static ReadHub read;

  @BeforeAll
  static void start() throws Exception {
    read = ReadHub.shared();
  }

  private long total(String body) throws Exception {
    return read.ok("admin", "POST", "/api/v1/residents/search", body).path("total").asLong();
  }

  private long expected(Predicate<Map<String, Object>> p) {
    return ReadFixtures.count(read.people, d -> registered(d) && p.test(d));
  }

  @Test
  void everyOperatorMatchesTheFixtureCount() throws Exception {
    assertThat(total("{}")).isEqualTo(expected(d -> true));
    assertThat(total("{\"filters\":[{\"field\":\"community_code\",\"op\":\"eq\",\"value\":\"" + ReadFixtures.YUCAI + "\"}]}"))
        .isEqualTo(expected(d -> d.get("community_code").equals(ReadFixtures.YUCAI)));
    assertThat(total("{\"filters\":[{\"field\":\"ethnicity\",\"op\":\"in\",\"value\":[\"03\",\"02\"]}]}")).isEqualTo(expected(d -> d.get("ethnicity").equals("03")));
    assertThat(total("{\"filters\":[{\"field\":\"birth_date\",\"op\":\"range\",\"value\":{\"lte\":\"1970-01-01\"}}]}"))
        .isEqualTo(expected(d -> ((String) d.get("birth_date")).compareTo("1970-01-01") <= 0));
    assertThat(total("{\"filters\":[{\"field\":\"floor_no\",\"op\":\"range\",\"value\":{\"lt\":0}}]}")).isEqualTo(expected(d -> ((Integer) d.get("floor_no")) < 0));
    assertThat(total("{\"filters\":[{\"field\":\"grid_code\",\"op\":\"prefix\",\"value\":\"370811002\"}]}"))
        .isEqualTo(expected(d -> ((String) d.get("grid_code")).startsWith("370811002")));
    assertThat(total("{\"filters\":[{\"field\":\"veteran_tags\",\"op\":\"exists\"}]}")).isEqualTo(expected(d -> d.containsKey("veteran_tags")));
    assertThat(total("{\"filters\":[{\"field\":\"veteran_tags\",\"op\":\"exists\",\"value\":false}]}")).isEqualTo(expected(d -> !d.containsKey("veteran_tags")));
    assertThat(total("{\"filters\":[{\"field\":\"family_doctor_signed\",\"op\":\"eq\",\"value\":true}]}")).isEqualTo(expected(d -> Boolean.TRUE.equals(d.get("family_doctor_signed"))));
    assertThat(total("{\"filters\":[{\"field\":\"full_name\",\"op\":\"prefix\",\"value\":\"欧阳\"}]}")).isEqualTo(expected(d -> ((String) d.get("full_name")).startsWith("欧阳")));
  }

  @Test
  void statusDefaultsToRegisteredAndCanBeWidened() throws Exception {
    assertThat(total("{\"status\":[\"死亡\",\"迁出\"]}")).isEqualTo(ReadFixtures.count(read.people, d -> !registered(d))).isPositive();
  }

  @Test
  void tagsAgeFiltersAgeAndText() throws Exception {
    assertThat(total("{\"tags_all\":[\"老年人\"]}")).isEqualTo(expected(d -> age(d) >= 60));
    assertThat(total("{\"tags_all\":[\"高龄\",\"独居\"]}")).isEqualTo(expected(d -> age(d) >= 80 && hasTag(d, "elderly_tags", "独居")));
    assertThat(total("{\"tags_all\":[\"育龄妇女\"]}")).isEqualTo(expected(d -> d.get("sex").equals("2") && age(d) >= 15 && age(d) <= 49));
    assertThat(total("{\"tags_any\":[\"低保\",\"退役士兵\"]}")).isEqualTo(expected(d -> hasTag(d, "assistance_tags", "低保") || hasTag(d, "veteran_tags", "退役士兵")));
    assertThat(total("{\"tags_any\":[\"儿童\"]}")).isEqualTo(expected(d -> age(d) < 18));
    assertThat(total("{\"age\":{\"min\":30,\"max\":40}}")).isEqualTo(expected(d -> age(d) >= 30 && age(d) <= 40));
    assertThat(total("{\"text\":\"欧阳\"}")).isEqualTo(expected(d -> ((String) d.get("full_name")).contains("欧阳")));
    assertThat(total("{\"text\":\"古槐苑\"}")).isEqualTo(expected(d -> d.get("compound_name").equals("古槐苑")));
  }

  @Test
  void facetsCarryChineseLabels() throws Exception {
    JsonNode r = read.ok("admin", "POST", "/api/v1/residents/search", "{\"size\":0,\"facets\":[\"community_code\",\"sex\",\"grid_code\",\"township_code\",\"family_doctor_signed\",\"elderly_tags\"]}");
    Map<String, String> communities = labels(r.path("facets").path("community_code"));
    assertThat(communities).containsEntry(ReadFixtures.YUTANG, "玉堂社区").containsEntry(ReadFixtures.JINXIU, "锦绣社区");
    assertThat(labels(r.path("facets").path("sex"))).containsEntry("1", "男").containsEntry("2", "女");
    assertThat(labels(r.path("facets").path("grid_code"))).containsEntry(ReadFixtures.YUTANG_GRID_1, "玉堂社区第1网格");
    assertThat(labels(r.path("facets").path("township_code"))).containsEntry("370811002", "许庄街道");
    assertThat(labels(r.path("facets").path("family_doctor_signed"))).containsEntry("true", "是");
    long yutang = 0;
    for (JsonNode b : r.path("facets").path("community_code")) {
      if (b.path("value").asText().equals(ReadFixtures.YUTANG)) {
        yutang = b.path("count").asLong();
      }
    }
    assertThat(yutang).isEqualTo(expected(d -> d.get("community_code").equals(ReadFixtures.YUTANG)));
    assertThat(labels(r.path("facets").path("elderly_tags"))).containsEntry("独居", "独居");
  }

  private static Map<String, String> labels(JsonNode buckets) {
    Map<String, String> out = new java.util.HashMap<>();
    buckets.forEach(b -> out.put(b.path("value").asText(), b.path("label").asText()));
    return out;
  }

  @Test
  void pagesAreDisjointAndBounded() throws Exception {
    JsonNode p1 = read.ok("admin", "POST", "/api/v1/residents/search", "{\"size\":20,\"page\":1,\"sort\":[{\"field\":\"birth_date\",\"order\":\"desc\"}]}");
    JsonNode p2 = read.ok("admin", "POST", "/api/v1/residents/search", "{\"size\":20,\"page\":2,\"sort\":[{\"field\":\"birth_date\",\"order\":\"desc\"}]}");
    Set<String> ids = new HashSet<>();
    p1.path("items").forEach(i -> ids.add(i.path("person_id").asText()));
    p2.path("items").forEach(i -> ids.add(i.path("person_id").asText()));
    assertThat(ids).hasSize(40);
    assertThat(p1.path("items").get(0).path("birth_date").asText()).isGreaterThanOrEqualTo(p1.path("items").get(19).path("birth_date").asText());
    assertError(read.as("admin", "POST", "/api/v1/residents/search", "{\"size\":1001}"), 400, "INVALID_PAGING");
    HttpResponse<String> deep = read.as("admin", "POST", "/api/v1/residents/search", "{\"size\":1000,\"page\":11}");
    assertError(deep, 400, "RESULT_WINDOW_TOO_LARGE");
    assertThat(deep.body()).contains("/api/v1/exports");
  }

  @Test
  void badInputIsA400WithAClearMessageNeverA500() throws Exception {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"filters\":[{\"field\":\"no_such_field\",\"op\":\"eq\",\"value\":\"x\"}]}", "unknown field");
    cases.put("{\"filters\":[{\"field\":\"sex\",\"op\":\"like\",\"value\":\"1\"}]}", "unknown operator");
    cases.put("{\"filters\":[{\"field\":\"birth_date\",\"op\":\"eq\",\"value\":\"1990-13-45\"}]}", "yyyy-MM-dd");
    cases.put("{\"filters\":[{\"field\":\"compound_type\",\"op\":\"eq\",\"value\":\"别墅\"}]}", "商品房小区");
    cases.put("{\"filters\":[{\"field\":\"sex\",\"op\":\"eq\",\"value\":\"7\"}]}", "code");
    cases.put("{\"filters\":[{\"field\":\"full_name\",\"op\":\"range\",\"value\":{\"gte\":\"a\"}}]}", "numbers and dates");
    cases.put("{\"filters\":[{\"field\":\"floor_no\",\"op\":\"prefix\",\"value\":\"1\"}]}", "prefix works");
    cases.put("{\"filters\":[{\"field\":\"floor_no\",\"op\":\"eq\",\"value\":\"third\"}]}", "whole number");
    cases.put("{\"filters\":[{\"field\":\"birth_date\",\"op\":\"range\",\"value\":{\"from\":\"2000-01-01\"}}]}", "gte, gt, lte, lt");
    cases.put("{\"filters\":[{\"field\":\"sex\",\"op\":\"in\",\"value\":\"1\"}]}", "non-empty list");
    cases.put("{\"filters\":[{\"field\":\"provenance\",\"op\":\"exists\"}]}", "person page");
    cases.put("{\"tags_all\":[\"不存在的标签\"]}", "unknown tag");
    cases.put("{\"age\":{\"min\":70,\"max\":60}}", "min ≤ max");
    cases.put("{\"status\":[\"活着\"]}", "unknown status");
    cases.put("{\"sort\":[{\"field\":\"sex\",\"order\":\"up\"}]}", "asc or desc");
    cases.put("{\"facets\":[\"nope\"]}", "unknown field");
    cases.put("{\"filter\":[]}", "unknown property 'filter'");
    cases.put("{\"page\":\"x\"}", "wrong shape");
    cases.put("[1,2]", "JSON object");
    cases.put("{\"filters\":[", "not valid JSON");
    cases.put("{\"filters\":" + "[{\"field\":\"sex\",\"op\":\"eq\",\"value\":\"1\"}".repeat(1) + ",{\"field\":\"sex\",\"op\":\"eq\",\"value\":\"1\"}]".repeat(0) + "]}", "");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = read.as("admin", "POST", "/api/v1/residents/search", c.getKey());
      if (c.getValue().isEmpty()) {
        assertThat(r.statusCode()).isEqualTo(200);
        continue;
      }
      assertThat(r.statusCode()).as(c.getKey() + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).as(c.getKey()).contains(c.getValue()).doesNotContain("Exception").doesNotContain("at cn.");
    }
    String tooMany = "{\"filters\":[" + String.join(",", java.util.Collections.nCopies(51, "{\"field\":\"sex\",\"op\":\"eq\",\"value\":\"1\"}")) + "]}";
    assertError(read.as("admin", "POST", "/api/v1/residents/search", tooMany), 400, "INVALID_QUERY");
  }

  @Test
  void personPageAndLookupShowTheRecordWithProvenance() throws Exception {
    Map<String, Object> someone = read.people.stream().filter(d -> d.containsKey("justice_tags")).findFirst().orElseThrow();
    JsonNode page = read.ok("admin", "GET", "/api/v1/residents/" + someone.get("person_id"), null);
    assertThat(page.path("id_number").asText()).isEqualTo(someone.get("id_number"));
    assertThat(page.path("provenance").path("full_name").path("source").asText()).isEqualTo("gaj");
    assertThat(page.path("conflicts").path("phone").get(0).path("value").asText()).isEqualTo("13900001111");
    assertThat(page.path("sources")).hasSize(3);
    assertThat(page.path("quality")).hasSize(8);
    assertThat(page.path("provenance").path("tags").has("社区矫正对象")).isTrue();
    String id = (String) someone.get("id_number");
    JsonNode found = read.ok("admin", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", " " + id.toLowerCase() + " ")));
    assertThat(found.path("person_id").asText()).isEqualTo(someone.get("person_id"));
    assertError(read.as("admin", "POST", "/api/v1/residents/lookup", "{\"id_number\":\"370811199001011234\"}"), 400, "INVALID_ID_NUMBER");
    assertError(read.as("admin", "GET", "/api/v1/residents/p0000000000000000000000000000dead", null), 404, "PERSON_NOT_FOUND");
  }

  @Test
  void theOpenApiDescriptionCoversTheReadSide() throws Exception {
    HttpResponse<String> r = read.call("GET", "/v3/api-docs", null, Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode paths = Json.MAPPER.readTree(r.body()).path("paths");
    for (String path : List.of("/api/v1/residents/search", "/api/v1/residents/{personId}", "/api/v1/residents/lookup", "/api/v1/exports", "/api/v1/exports/{id}", "/api/v1/exports/{id}/file", "/api/v1/exports/schedules", "/api/v1/audit", "/api/v1/auth/token")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    assertThat(r.body()).contains("老年人关爱台账");
  }

  static void assertError(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(Json.MAPPER.readTree(r.body()).path("error").path("code").asText()).as(r.body()).isEqualTo(code);
  }

  static List<JsonNode> items(JsonNode response) {
    List<JsonNode> out = new java.util.ArrayList<>();
    response.path("items").forEach(out::add);
    return out;
  }
}
