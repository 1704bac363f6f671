package cn.jzz.hub.readside;

import static cn.jzz.hub.readside.ResidentSearchIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub as an OAuth2 resource server of a simulated identity provider (discovery document and JWK
 * set served by WireMock): what a valid token maps to, and every way a token is refused.
 */
class OidcIT {

  static ReadHub read;
  static TestIdentityProvider idp;
  static final Map<String, Object> GRID = Map.of("hub_role", "grid_worker", "hub_jurisdiction", ReadFixtures.YUTANG);

  @BeforeAll
  static void start() throws Exception {
    read = ReadHub.shared();
    idp = read.idp;
  }

  @Test
  void aValidTokenGivesItsRoleJurisdictionAndGrants() throws Exception {
    String grid = idp.token("wang.li", GRID);
    long yutang = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("community_code").equals(ReadFixtures.YUTANG));
    JsonNode all = ok(grid, "POST", "/api/v1/residents/search", "{\"size\":0,\"facets\":[\"community_code\"]}");
    assertThat(all.path("total").asLong()).isEqualTo(yutang).isPositive();
    assertThat(all.path("facets").path("community_code")).hasSize(1);
    Map<String, Object> outside = read.people.stream().filter(d -> d.get("community_code").equals(ReadFixtures.YUCAI) && ReadFixtures.registered(d)).findFirst().orElseThrow();
    assertError(bearer(grid, "GET", "/api/v1/residents/" + outside.get("person_id"), null), 404, "PERSON_NOT_FOUND");
    // the role may carry the area itself; grants come from their claim
    String analyst = idp.token("li.na", Map.of("hub_role", "analyst", "hub_grants", List.of("sensitive:elderly_tags")));
    long alone = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && ReadFixtures.hasTag(d, "elderly_tags", "独居"));
    assertThat(ok(analyst, "POST", "/api/v1/residents/search", "{\"tags_all\":[\"独居\"]}").path("total").asLong()).isEqualTo(alone);
    assertError(bearer(analyst, "POST", "/api/v1/residents/search", "{\"tags_any\":[\"社区矫正对象\"]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(bearer(analyst, "GET", "/api/v1/audit", null), 403, "FORBIDDEN");
    String cell = idp.token("zhao.min", Map.of("hub_role", "grid_worker@" + ReadFixtures.YUTANG_GRID_1));
    long grid1 = ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("grid_code").equals(ReadFixtures.YUTANG_GRID_1));
    assertThat(ok(cell, "POST", "/api/v1/residents/search", "{}").path("total").asLong()).isEqualTo(grid1);
    // the subject is who the audit names
    JsonNode audit = read.ok("admin", "GET", "/api/v1/audit?user=wang.li&action=residents.search", null);
    assertThat(audit.path("total").asLong()).isPositive();
  }

  @Test
  void anIdentityProviderUserOfALocalUsersNameDoesNotShareHerExports() throws Exception {
    // the local user "grid" and the provider's subject "grid": one name, two callers
    JsonNode local = read.ok("grid", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"columns\":[\"person_id\"]}");
    String id = local.path("export_id").asText();
    String namesake = idp.token("grid", GRID);
    assertError(bearer(namesake, "GET", "/api/v1/exports/" + id, null), 404, "EXPORT_NOT_FOUND");
    assertThat(bearer(namesake, "GET", "/api/v1/exports/" + id + "/file", null).statusCode()).isEqualTo(404);
    assertThat(read.as("grid", "GET", "/api/v1/exports/" + id, null).statusCode()).isEqualTo(200);
  }

  @Test
  void expiredForgedForeignAndUnknownKeyTokensAre401WithTheReason() throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    JWTClaimsSet expired = idp.base("wang.li", GRID).issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build();
    refused(idp.sign(expired), "expired");
    refused(idp.signWithStrangerKey(idp.base("wang.li", GRID).build()), "signature");
    refused(idp.sign(idp.base("wang.li", GRID).issuer("https://evil.example/realms/hub").build()), "iss");
    refused(idp.sign(idp.base("wang.li", GRID).audience("another-app").build()), "aud");
    refused(idp.signWithUnknownKid(idp.base("wang.li", GRID).build()), "key");
    refused("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "");
  }

  @Test
  void aTokenWithoutAnAcceptableRoleIsRefusedClearly() throws Exception {
    Map<String, Object> none = new HashMap<>(GRID);
    none.remove("hub_role");
    HttpResponse<String> missing = bearer(idp.token("wang.li", none), "POST", "/api/v1/residents/search", "{}");
    assertError(missing, 403, "ROLE_MISSING");
    assertThat(message(missing)).contains("hub_role");
    HttpResponse<String> unknown = bearer(idp.token("wang.li", Map.of("hub_role", "superuser")), "POST", "/api/v1/residents/search", "{}");
    assertError(unknown, 403, "ROLE_INVALID");
    assertThat(message(unknown)).contains("superuser");
    HttpResponse<String> noArea = bearer(idp.token("wang.li", Map.of("hub_role", "grid_worker")), "POST", "/api/v1/residents/search", "{}");
    assertError(noArea, 403, "ROLE_INVALID");
    assertThat(message(noArea)).contains("grid_worker@");
    assertError(bearer(idp.token("wang.li", Map.of("hub_role", "analyst", "hub_grants", List.of("everything"))), "POST", "/api/v1/residents/search", "{}"), 403, "ROLE_INVALID");
  }

  private static void refused(String token, String reason) throws Exception {
    HttpResponse<String> r = bearer(token, "POST", "/api/v1/residents/search", "{}");
    assertError(r, 401, "INVALID_TOKEN");
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(message(r)).as(r.body()).containsIgnoringCase(reason).startsWith("the identity provider's token was refused");
    String signature = token.substring(token.lastIndexOf('.') + 1);
    if (!signature.isEmpty()) {
      assertThat(r.body()).doesNotContain(signature);
    }
  }

  private static String message(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body()).path("error").path("message").asText();
  }

  private static HttpResponse<String> bearer(String token, String method, String path, String body) throws Exception {
    return read.call(method, path, body, Map.of("Authorization", "Bearer " + token));
  }

  private static JsonNode ok(String token, String method, String path, String body) throws Exception {
    HttpResponse<String> r = bearer(token, method, path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }
}
