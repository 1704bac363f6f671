package cn.jzz.hub.readside;

import static cn.jzz.hub.readside.ResidentSearchIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Negative security tests: each fails without its protection. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SecurityIT {

  static ReadHub read;
  static Map<String, Object> yucaiPerson;
  static Map<String, Object> restrictedPerson;

  @BeforeAll
  static void start() throws Exception {
    read = ReadHub.shared();
    yucaiPerson = read.people.stream().filter(d -> d.get("community_code").equals(ReadFixtures.YUCAI) && ReadFixtures.registered(d)).findFirst().orElseThrow();
    restrictedPerson = read.people.stream().filter(d -> d.containsKey("justice_tags") && d.containsKey("elderly_tags") && ReadFixtures.registered(d)).findFirst()
        .orElseGet(() -> read.people.stream().filter(d -> d.containsKey("justice_tags")).findFirst().orElseThrow());
  }

  /**
   * Paths that answer without credentials. Everything else the application maps — read from Spring's
   * own handler mappings, so a new endpoint cannot be forgotten here — must answer 401.
   * {@code /console/config} counts as one of the console's static files: built once at start from
   * schemas/ (code lists, division names, source names), no resident data. {@code /error} renders the
   * error of another request.
   */
  static final List<String> PUBLIC = List.of("/api/v1/auth/token", "/actuator/health", "/v3/api-docs", "/swagger-ui", "/console/config", "/error");

  static boolean isPublic(String pattern) {
    return PUBLIC.stream().anyMatch(p -> pattern.equals(p) || pattern.startsWith(p + "/") || pattern.startsWith(p + "."));
  }

  /** Every (method, path) the hub maps: controllers, actuator and springdoc alike. */
  static List<String[]> mappedEndpoints() {
    List<String[]> out = new java.util.ArrayList<>();
    read.hub.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          out.add(new String[] {method.name(), pattern});
        }
      }
    }));
    return out;
  }

  @Test
  void everyEndpointWithoutATokenIs401() throws Exception {
    List<String[]> endpoints = mappedEndpoints();
    List<String> patterns = endpoints.stream().map(e -> e[1]).toList();
    assertThat(patterns).contains("/api/v1/residents/search", "/api/v1/residents/{personId}", "/api/v1/exports", "/api/v1/audit", "/actuator/prometheus");
    int checked = 0;
    for (String[] e : endpoints) {
      if (isPublic(e[1]) || e[0].equals("OPTIONS") || e[0].equals("HEAD")) {
        continue;
      }
      String path = e[1].replaceAll("\\{\\*?([^}]+)}", "x1");
      String body = e[0].equals("GET") || e[0].equals("DELETE") ? null : "{}";
      HttpResponse<String> r = read.as(null, e[0], path, body);
      assertThat(r.statusCode()).as(e[0] + " " + e[1] + " → " + r.body()).isEqualTo(401);
      assertThat(r.body()).as(e[0] + " " + e[1]).contains("UNAUTHENTICATED");
      HttpResponse<String> forged = read.call(e[0], path, body, Map.of("Authorization", "Bearer eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.AAAA"));
      assertThat(forged.statusCode()).as(e[1]).isEqualTo(401);
      assertThat(read.call(e[0], path, body, Map.of("X-API-Key", "guess")).statusCode()).as(e[1]).isEqualTo(401);
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
    // the public ones do answer, and metrics are for admins and monitoring systems only
    assertThat(read.call("GET", "/actuator/health", null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(read.call("GET", "/v3/api-docs", null, Map.of()).statusCode()).isEqualTo(200);
    assertThat(read.call("GET", "/console/", null, Map.of()).statusCode()).isEqualTo(200);
    assertError(read.as("analyst", "GET", "/actuator/prometheus", null), 403, "FORBIDDEN");
    assertThat(read.as("admin", "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aGridWorkerCannotReachOutsideHerCommunity() throws Exception {
    long yutang = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("community_code").equals(ReadFixtures.YUTANG));
    assertThat(read.ok("grid", "POST", "/api/v1/residents/search", "{}").path("total").asLong()).isEqualTo(yutang);
    // by filter
    assertThat(read.ok("grid", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"community_code\",\"op\":\"eq\",\"value\":\"" + ReadFixtures.YUCAI + "\"}]}").path("total").asLong()).isZero();
    // by facet
    JsonNode facets = read.ok("grid", "POST", "/api/v1/residents/search", "{\"size\":0,\"facets\":[\"community_code\",\"township_code\"]}").path("facets");
    assertThat(facets.path("community_code")).hasSize(1);
    assertThat(facets.path("community_code").get(0).path("value").asText()).isEqualTo(ReadFixtures.YUTANG);
    assertThat(facets.path("community_code").get(0).path("count").asLong()).isEqualTo(yutang);
    // by id: exactly the answer for a person who does not exist
    HttpResponse<String> outside = read.as("grid", "GET", "/api/v1/residents/" + yucaiPerson.get("person_id"), null);
    HttpResponse<String> nobody = read.as("grid", "GET", "/api/v1/residents/p00000000000000000000000000000000", null);
    assertThat(outside.statusCode()).isEqualTo(404);
    assertThat(outside.body()).isEqualTo(nobody.body());
    assertThat(read.as("admin", "GET", "/api/v1/residents/" + yucaiPerson.get("person_id"), null).statusCode()).isEqualTo(200);
    // by lookup
    HttpResponse<String> lookup = read.as("grid", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", yucaiPerson.get("id_number"))));
    assertThat(lookup.statusCode()).isEqualTo(404);
    assertThat(lookup.body()).isEqualTo(nobody.body());
    // a grid-level worker sees her grid only
    long grid1 = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("grid_code").equals(ReadFixtures.YUTANG_GRID_1));
    assertThat(read.ok("gridcell", "POST", "/api/v1/residents/search", "{}").path("total").asLong()).isEqualTo(grid1);
    // an API key limited to a township, with only its scopes
    long township = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("township_code").equals(ReadHub.SYSTEM_JURISDICTION));
    assertThat(read.ok("system", "POST", "/api/v1/residents/search", "{}").path("total").asLong()).isEqualTo(township);
    assertError(read.as("system", "GET", "/api/v1/residents/" + yucaiPerson.get("person_id"), null), 403, "FORBIDDEN");
    assertError(read.as("system", "POST", "/api/v1/exports", "{\"format\":\"csv\"}"), 403, "FORBIDDEN");
    // admin endpoints
    assertError(read.as("grid", "GET", "/api/v1/audit", null), 403, "FORBIDDEN");
    assertError(read.as("grid", "GET", "/api/v1/sources", null), 403, "FORBIDDEN");
    assertError(read.as("analyst", "POST", "/api/v1/mappings/gaj/validate", "x: 1"), 403, "FORBIDDEN");
  }

  @Test
  void sensitiveAndRestrictedFieldsNeverLeakToAnAnalyst() throws Exception {
    JsonNode all = read.ok("analyst", "POST", "/api/v1/residents/search", "{\"size\":1000,\"status\":[\"在册\",\"死亡\",\"迁出\"]}");
    String text = all.toString();
    for (String leak : List.of("religion", "health_status", "health_focus_tags", "elderly_tags", "assistance_tags", "justice_tags", "public_safety_tags", "disability_cert_no", "社区矫正对象", "严重精神障碍患者", "低保", "独居", "高血压")) {
      assertThat(text).as(leak).doesNotContain(leak);
    }
    JsonNode first = all.path("items").get(0);
    // the ID mask keeps only the region: her clear birth date must not complete it
    assertThat(first.path("id_number").asText()).matches("370811\\*{12}");
    assertThat(first.path("phone").asText()).matches("1[0-9]{2}\\*{4}[0-9]{4}");
    assertThat(first.path("full_name").asText()).endsWith("*");
    assertThat(first.path("hukou_address").asText()).endsWith("号楼****").doesNotContain("单元");
    assertThat(first.path("tag_all").toString()).doesNotContain("社区矫正对象");
    // the person page: no S field, no provenance or conflicts of them, conflicts of M fields masked
    JsonNode page = read.ok("analyst", "GET", "/api/v1/residents/" + restrictedPerson.get("person_id"), null);
    assertThat(page.has("justice_tags")).isFalse();
    assertThat(page.has("religion")).isFalse();
    assertThat(page.path("provenance").has("justice_tags")).isFalse();
    assertThat(page.path("provenance").has("religion")).isFalse();
    assertThat(page.path("conflicts").has("religion")).isFalse();
    assertThat(page.path("conflicts").path("phone").get(0).path("value").asText()).isEqualTo("139****1111");
    JsonNode lookup = read.ok("analyst", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", restrictedPerson.get("id_number"))));
    assertThat(lookup.toString()).doesNotContain("社区矫正对象").doesNotContain((String) restrictedPerson.get("id_number"));
    // filters, tags, facets and sorts on them are refused, not silently empty
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"justice_tags\",\"op\":\"exists\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"religion\",\"op\":\"eq\",\"value\":\"10\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"tags_any\":[\"社区矫正对象\"]}"), 403, "FIELD_NOT_PERMITTED");
    // care tags are counted only: never to list people
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"tags_all\":[\"独居\"]}"), 400, "INVALID_QUERY");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"facets\":[\"public_safety_tags\"]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"facets\":[\"id_number\"]}"), 400, "INVALID_QUERY");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"sort\":[{\"field\":\"health_status\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("grid", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"id_number\",\"op\":\"prefix\",\"value\":\"3708\"}]}"), 400, "INVALID_QUERY");
    // listing people: only the tags she sees per person are counted
    JsonNode listed = read.ok("analyst", "POST", "/api/v1/residents/search", "{\"size\":10,\"facets\":[\"tag_all\"]}");
    assertThat(listed.path("facets").path("tag_all").toString()).contains("退役士兵").doesNotContain("社区矫正对象").doesNotContain("严重精神障碍患者").doesNotContain("独居");
    assertThat(listed.has("suppressed_below")).isFalse();
    // counting only: care tags are counted, small cells suppressed; restricted and health tags not even counted
    JsonNode counted = read.ok("analyst", "POST", "/api/v1/residents/search", "{\"size\":0,\"facets\":[\"tag_all\"]}");
    assertThat(counted.path("suppressed_below").asInt()).isEqualTo(5);
    assertThat(counted.path("facets").path("tag_all").toString()).doesNotContain("社区矫正对象").doesNotContain("严重精神障碍患者").doesNotContain("高血压");
    counted.path("facets").path("tag_all").forEach(b -> assertThat(b.path("count").asLong()).isGreaterThanOrEqualTo(5));
    long aloneCount = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && ReadFixtures.hasTag(d, "elderly_tags", "独居"));
    JsonNode aloneOnly = read.ok("analyst", "POST", "/api/v1/residents/search", "{\"size\":0,\"tags_all\":[\"独居\"]}");
    assertThat(aloneOnly.path("total").isNull() ? 0 : aloneOnly.path("total").asLong()).isEqualTo(aloneCount >= 5 ? aloneCount : 0);
    // a grant opens exactly its field
    long alone = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && ReadFixtures.hasTag(d, "elderly_tags", "独居"));
    assertThat(read.ok("elder", "POST", "/api/v1/residents/search", "{\"tags_all\":[\"独居\"]}").path("total").asLong()).isEqualTo(alone).isPositive();
    assertError(read.as("elder", "POST", "/api/v1/residents/search", "{\"tags_all\":[\"社区矫正对象\"]}"), 403, "FIELD_NOT_PERMITTED");
    // admin sees all
    JsonNode admin = read.ok("admin", "GET", "/api/v1/residents/" + restrictedPerson.get("person_id"), null);
    assertThat(admin.path("justice_tags").toString()).contains("社区矫正对象");
    assertThat(admin.path("id_number").asText()).isEqualTo(restrictedPerson.get("id_number"));
  }

  @Test
  void everyPartOfThePersonPageObeysFieldProtection() throws Exception {
    // restrictedPerson is known to 司法局 (sfj), which only delivers restricted justice tags: see ReadFixtures.revealing
    String id = (String) restrictedPerson.get("id_number");
    String name = (String) restrictedPerson.get("full_name");
    for (JsonNode page : List.of(
        read.ok("analyst", "GET", "/api/v1/residents/" + restrictedPerson.get("person_id"), null),
        read.ok("analyst", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", id))))) {
      // sources: the justice bureau's presence is the hidden fact
      assertThat(page.path("sources").toString()).isEqualTo("[\"gaj\",\"zfw\"]");
      // provenance: no entry of a hidden field or won by a hidden source, no explanation of a hidden tag
      assertThat(page.path("provenance").has("full_name")).isTrue();
      assertThat(page.path("provenance").has("phone")).as("phone won by sfj").isFalse();
      assertThat(page.path("provenance").path("tags").has("社区矫正对象")).isFalse();
      assertThat(page.path("provenance").toString()).doesNotContain("sfj").doesNotContain("justice");
      // conflicts: no losing value from a hidden source, M values masked
      assertThat(page.path("conflicts").has("full_name")).as("the only full_name loser is sfj's").isFalse();
      assertThat(page.path("conflicts").toString()).doesNotContain("sfj").doesNotContain(name + "某").doesNotContain("13900001111");
      // quality: notes of hidden fields, sources and tags dropped; quoted and numeric raw values masked
      String quality = page.path("quality").toString();
      assertThat(page.path("quality")).hasSize(5);
      assertThat(quality).doesNotContain(id).doesNotContain(name + "先生").doesNotContain("'" + name + "'").doesNotContain("1390537")
          .doesNotContain("2单元501室").doesNotContain("XJ-religion-77").doesNotContain("religion").doesNotContain("sfj").doesNotContain("社区矫正对象");
      assertThat(quality).doesNotContain("RK_JBXX").doesNotContain("wg_rfxx").doesNotContain("sqjz_jzdx");
      assertThat(page.path("provenance").toString() + page.path("conflicts")).doesNotContain("record_key");
      assertThat(quality).contains(id.substring(0, 6) + "************").contains("'" + cn.jzz.hub.security.Masks.name(name + "先生") + "'").contains("SEX_DISAGREES_WITH_ID");
    }
    // search items, a sources filter, facet and sort, and an export's filter: the same
    JsonNode items = read.ok("analyst", "POST", "/api/v1/residents/search", "{\"size\":1000,\"facets\":[\"sources\"]}");
    assertThat(items.path("items").toString()).doesNotContain("sfj");
    assertThat(items.path("facets").path("sources").toString()).contains("gaj").doesNotContain("sfj");
    assertThat(read.ok("admin", "POST", "/api/v1/residents/search", "{\"size\":0,\"facets\":[\"sources\"]}").path("facets").toString()).contains("sfj");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"sources\",\"op\":\"eq\",\"value\":\"sfj\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"sources\",\"op\":\"prefix\",\"value\":\"s\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/residents/search", "{\"sort\":[{\"field\":\"sources\"}]}"), 403, "FIELD_NOT_PERMITTED");
    assertThat(read.ok("analyst", "POST", "/api/v1/residents/search", "{\"filters\":[{\"field\":\"sources\",\"op\":\"eq\",\"value\":\"zfw\"}]}").path("total").asLong()).isPositive();
    assertError(read.as("analyst", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"filters\":[{\"field\":\"sources\",\"op\":\"in\",\"value\":[\"gaj\",\"sfj\"]}]}"), 403, "FIELD_NOT_PERMITTED");
    // the admin sees it all
    JsonNode admin = read.ok("admin", "GET", "/api/v1/residents/" + restrictedPerson.get("person_id"), null);
    assertThat(admin.path("sources").toString()).contains("sfj");
    assertThat(admin.path("quality")).hasSize(8);
    assertThat(admin.path("quality").toString()).contains(id).contains("XJ-religion-77");
    assertThat(admin.path("conflicts").path("full_name").toString()).contains(name + "某");
  }

  @Test
  void oversizedAndMalformedBodiesAre4xx() throws Exception {
    String big = "{\"text\":\"" + "张".repeat(400_000) + "\"}";
    HttpResponse<String> r = read.as("admin", "POST", "/api/v1/residents/search", big);
    assertError(r, 413, "PAYLOAD_TOO_LARGE");
    for (String bad : List.of("{", "\"text\"", "{\"filters\":{}}", "{\"filters\":[null]}", "{\"age\":{\"min\":\"old\"}}", "{\"size\":1e99}", "{\"sort\":[1]}")) {
      HttpResponse<String> answer = read.as("admin", "POST", "/api/v1/residents/search", bad);
      assertThat(answer.statusCode()).as(bad + " → " + answer.body()).isBetween(400, 499);
      assertThat(answer.body()).contains("\"error\"").doesNotContain("Exception");
    }
    for (Map.Entry<String, String> nullStatus : Map.of("/api/v1/residents/search", "{\"status\":[null]}", "/api/v1/exports", "{\"status\":[null],\"format\":\"csv\"}").entrySet()) {
      HttpResponse<String> answer = read.as("admin", "POST", nullStatus.getKey(), nullStatus.getValue());
      assertThat(answer.statusCode()).as(nullStatus.getKey() + " → " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("status[0]");
    }
    HttpResponse<String> xml = read.call("POST", "/api/v1/residents/search", "<q/>", Map.of("Authorization", "Bearer " + read.token("admin"), "Content-Type", "application/xml"));
    assertThat(xml.statusCode()).isEqualTo(415);
    // hostile YAML to the mapping endpoints: refused unread with 400, never run, never a 500
    String gadget = "source: gaj\nversion: 2\nentities: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/x.jar\"]]]]\n";
    StringBuilder laughs = new StringBuilder("source: gaj\nversion: 2\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    for (String[] call : List.of(new String[] {"POST", "/api/v1/mappings/gaj/validate"}, new String[] {"PUT", "/api/v1/mappings/gaj"})) {
      for (String hostile : List.of(gadget, laughs.toString())) {
        HttpResponse<String> refused = read.call(call[0], call[1], hostile, Map.of("Authorization", "Bearer " + read.token("admin"), "Content-Type", "application/yaml"));
        assertError(refused, 400, "UNSAFE_YAML");
      }
    }
    assertThat(read.call("POST", "/api/v1/mappings/gaj/validate", gadget, Map.of("Authorization", "Bearer " + read.token("admin"), "Content-Type", "application/yaml")).body())
        .contains("javax.script.ScriptEngineManager").contains("line 3");
    assertThat(read.call("GET", "/actuator/health", null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void everyReadAndRefusalIsAudited() throws Exception {
    read.ok("analyst", "POST", "/api/v1/residents/search", "{\"text\":\"孔\"}");
    read.ok("analyst", "GET", "/api/v1/residents/" + yucaiPerson.get("person_id"), null);
    read.ok("analyst", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", yucaiPerson.get("id_number"))));
    read.as("grid", "GET", "/api/v1/residents/" + yucaiPerson.get("person_id"), null);
    read.as("analyst", "POST", "/api/v1/residents/search", "{\"tags_any\":[\"社区矫正对象\"]}");
    JsonNode search = read.ok("admin", "GET", "/api/v1/audit?user=analyst&action=residents.search&size=100", null);
    assertThat(search.path("total").asLong()).isPositive();
    assertThat(search.toString()).contains("孔");
    JsonNode view = read.ok("admin", "GET", "/api/v1/audit?user=analyst&action=residents.view&person_id=" + yucaiPerson.get("person_id"), null);
    assertThat(view.path("total").asLong()).isPositive();
    JsonNode lookup = read.ok("admin", "GET", "/api/v1/audit?user=analyst&action=residents.lookup", null);
    assertThat(lookup.path("items").get(0).path("person_id").asText()).isEqualTo(yucaiPerson.get("person_id"));
    assertThat(lookup.toString()).doesNotContain((String) yucaiPerson.get("id_number"));
    JsonNode denied = read.ok("admin", "GET", "/api/v1/audit?user=grid&outcome=denied", null);
    assertThat(denied.toString()).contains("residents.view").contains("404");
    JsonNode forbidden = read.ok("admin", "GET", "/api/v1/audit?user=analyst&outcome=denied", null);
    assertThat(forbidden.toString()).contains("403");
    assertError(read.as("admin", "GET", "/api/v1/audit?from=yesterday", null), 400, "INVALID_PARAMETER");
  }

  @Test
  void numbersTypedIntoTextOrFiltersNeverReachTheAudit() throws Exception {
    String id = (String) yucaiPerson.get("id_number");
    String phone = "13912345678";
    read.as("analyst", "POST", "/api/v1/residents/search", Json.write(Map.of("text", id + " " + phone)));
    read.as("admin", "POST", "/api/v1/residents/search", Json.write(Map.of("text", "找 " + phone, "filters", List.of(Map.of("field", "id_number", "op", "in", "value", List.of(id))))));
    JsonNode audit = read.ok("admin", "GET", "/api/v1/audit?action=residents.search&size=100", null);
    assertThat(audit.toString()).doesNotContain(id).doesNotContain(phone).contains(id.substring(0, 6) + "************").contains("139****5678");
  }

  /** The same path spelled differently: each must get the refusal the plain path gets, never a 200 or a 500. */
  static List<String> encodedVariants(String path) {
    List<String> out = new java.util.ArrayList<>();
    String[] segments = path.substring(1).split("/");
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      if (seg.isEmpty() || !Character.isLetter(seg.charAt(0))) {
        continue;
      }
      String lower = String.format("%%%02x", (int) seg.charAt(0)) + seg.substring(1);
      String upper = String.format("%%%02X", (int) seg.charAt(seg.length() - 1));
      out.add(replaceSegment(segments, i, lower));
      out.add(replaceSegment(segments, i, seg.substring(0, seg.length() - 1) + upper));
      out.add(replaceSegment(segments, i, seg + ";jsessionid=x"));
    }
    out.add(path.replaceFirst("/", "//"));
    out.add(path.replaceFirst("^/([^/]+)/", "/$1//"));
    out.add(path + "/");
    out.add(path.replaceFirst("^/([^/]+)/", "/$1/%2e/"));
    out.add(path.replaceFirst("^/([^/]+)/", "/$1/./"));
    out.add(path.replaceFirst("^/([^/]+)/", "/$1/x/../"));
    out.add(path.replaceFirst("^/([^/]+)/", "/$1%2f"));
    return out;
  }

  private static String replaceSegment(String[] segments, int i, String with) {
    String[] copy = segments.clone();
    copy[i] = with;
    return "/" + String.join("/", copy);
  }

  @Test
  void encodedVariantsOfEveryPathAreRefusedLikeThePath() throws Exception {
    // the holes the review found, by name
    assertError(read.as(null, "GET", "/%61ctuator/prometheus", null), 401, "UNAUTHENTICATED");
    assertError(read.as(null, "GET", "/%61pi/v1/schema", null), 401, "UNAUTHENTICATED");
    assertError(read.as(null, "POST", "/%61pi/v1/residents/search", "{}"), 401, "UNAUTHENTICATED");
    assertError(read.as("analyst", "GET", "/%61ctuator/prometheus", null), 403, "FORBIDDEN");
    assertError(read.as("grid", "GET", "/api/v1/%61udit", null), 403, "FORBIDDEN");
    assertThat(read.as("grid", "GET", "/api/v1/sources%2f", null).statusCode()).as("the firewall refuses an encoded slash").isEqualTo(400);
    int checked = 0;
    for (String[] e : mappedEndpoints()) {
      if (isPublic(e[1]) || e[0].equals("OPTIONS") || e[0].equals("HEAD")) {
        continue;
      }
      String path = e[1].replaceAll("\\{\\*?([^}]+)}", "x1");
      String body = e[0].equals("GET") || e[0].equals("DELETE") ? null : "{}";
      for (String variant : encodedVariants(path)) {
        HttpResponse<String> r = read.as(null, e[0], variant, body);
        assertThat(r.statusCode()).as(e[0] + " " + variant + " → " + r.body()).isIn(400, 401);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(200);
    // and an admin-only path in any spelling stays admin-only for a signed-in grid worker
    for (String variant : encodedVariants("/api/v1/audit")) {
      assertThat(read.as("grid", "GET", variant, null).statusCode()).as(variant).isIn(400, 403, 404);
    }
  }

  /**
   * Every mapped endpoint, called by a grid worker with someone of another community as the path's
   * id and an empty body: no answer carries what the policy keeps from her (that person's name, ID
   * number or phone; any restricted tag; a source record key). A new endpoint that forgets the policy
   * fails here without anyone having to remember it.
   */
  @Test
  void noEndpointGivesAGridWorkerWhatThePolicyKeepsFromHer() throws Exception {
    String outsider = (String) yucaiPerson.get("person_id");
    List<String> secrets = new java.util.ArrayList<>(List.of((String) yucaiPerson.get("id_number"), "社区矫正对象", "刑满释放人员", "\"record_key\"", "sqjz_jzdx"));
    if (yucaiPerson.get("phone") != null) {
      secrets.add((String) yucaiPerson.get("phone"));
    }
    String name = (String) yucaiPerson.get("full_name");
    int called = 0;
    for (String[] e : mappedEndpoints()) {
      if (isPublic(e[1]) || e[0].equals("OPTIONS") || e[0].equals("HEAD") || e[0].equals("DELETE")) {
        continue;
      }
      String path = e[1].replaceAll("\\{\\*?([^}]+)}", outsider);
      String body = e[0].equals("GET") ? null : "{}";
      HttpResponse<String> r = read.as("grid", e[0], path, body);
      assertThat(r.statusCode()).as(e[0] + " " + e[1]).isNotEqualTo(500);
      assertThat(r.body()).as(e[0] + " " + e[1] + " must not name the outsider").doesNotContain("\"" + name + "\"");
      // the schema and the caller's own view name the tags (reference data, no person); nothing else may
      boolean describesTags = e[1].equals("/api/v1/schema") || e[1].equals("/api/v1/me");
      for (String secret : secrets) {
        if (!(describesTags && secret.matches("\\p{IsHan}+"))) {
          assertThat(r.body()).as(e[0] + " " + e[1] + " must not carry " + secret).doesNotContain(secret);
        }
      }
      called++;
    }
    assertThat(called).isGreaterThan(20);
    // and the lookup by the outsider's own ID number answers as for nobody
    assertError(read.as("grid", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", yucaiPerson.get("id_number")))), 404, "PERSON_NOT_FOUND");
  }

  @Test
  void personPagesAndAnswersAreNeverCached() throws Exception {
    HttpResponse<String> page = read.as("grid", "GET", "/api/v1/residents/" + read.people.stream()
        .filter(d -> ReadFixtures.YUTANG.equals(d.get("community_code"))).findFirst().orElseThrow().get("person_id"), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(read.as("grid", "POST", "/api/v1/residents/search", "{}").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void lookupsByIdNumberAreLimitedPerUserAndAudited() throws Exception {
    String id = (String) yucaiPerson.get("id_number");
    int limited = 0;
    for (int i = 0; i < 45; i++) {
      HttpResponse<String> r = read.as("gridcell", "POST", "/api/v1/residents/lookup", Json.write(Map.of("id_number", id)));
      assertThat(r.statusCode()).isIn(404, 429);
      limited += r.statusCode() == 429 ? 1 : 0;
    }
    assertThat(limited).as("lookups past hub.security.lookups-per-minute (20)").isGreaterThanOrEqualTo(5);
    JsonNode audit = read.ok("admin", "GET", "/api/v1/audit?user=gridcell&action=residents.lookup&size=100", null);
    assertThat(audit.toString()).contains("TOO_MANY_LOOKUPS").doesNotContain(id);
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void failedSignInsAreLimitedPerAccountSoGuessingFromManyAddressesGainsNothing() throws Exception {
    // the per-address budget is 40 here; the account's is 5 failures a minute, whatever the address
    int limited = 0;
    for (int i = 0; i < 15; i++) {
      HttpResponse<String> r = read.call("POST", "/%61pi/v1/auth/token", "{\"username\":\"elder\",\"password\":\"wrong\"}", Map.of());
      assertThat(r.statusCode()).isIn(401, 429);
      if (i < 5) {
        assertThat(r.statusCode()).as("the first five failures are answered").isEqualTo(401);
      }
      if (r.statusCode() == 429) {
        assertThat(r.body()).contains("this account");
        limited++;
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      }
    }
    assertThat(limited).isGreaterThanOrEqualTo(3);
    // another account from the same address is not affected
    assertThat(read.call("POST", "/api/v1/auth/token", "{\"username\":\"grid\",\"password\":\"" + ReadHub.PASSWORD + "\"}", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void theTokenEndpointIsRateLimited() throws Exception {
    int limited = 0;
    for (int i = 0; i < 45; i++) {
      HttpResponse<String> r = read.call("POST", "/api/v1/auth/token", "{\"username\":\"nobody-" + i + "\",\"password\":\"wrong\"}", Map.of());
      assertThat(r.statusCode()).isIn(401, 429);
      if (r.statusCode() == 429) {
        limited++;
        assertThat(r.body()).contains("TOO_MANY_REQUESTS");
      }
    }
    assertThat(limited).isPositive();
  }
}
