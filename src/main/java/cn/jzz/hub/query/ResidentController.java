package cn.jzz.hub.query;

import cn.jzz.hub.security.AuthFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "residents", description = "Search, person page and lookup; limited to the caller's jurisdiction, S/restricted fields hidden and M fields masked by role")
public class ResidentController {

  private final ResidentSearchService search;

  public ResidentController(ResidentSearchService search) {
    this.search = search;
  }

  /** @param idNumber the ID number, any accepted form (15/18 digits, full-width, lower-case x) */
  public record LookupRequest(String idNumber) {}

  @PostMapping("/search")
  @Operation(
      summary = "Search residents with filters, tags, age, text and facets",
      description = "Filters on any of the 55 keys (eq|in|range|prefix|exists, checked against the field's type). page × size ≤ 10000; beyond that use POST /api/v1/exports.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      schema = @Schema(implementation = SearchRequest.class),
                      examples = {
                        @ExampleObject(name = "独居老人 of one community", value = "{\"filters\":[{\"field\":\"community_code\",\"op\":\"eq\",\"value\":\"370811002001\"}],\"tags_all\":[\"老年人\"],\"facets\":[\"grid_code\"],\"size\":50}"),
                        @ExampleObject(name = "by name", value = "{\"text\":\"张\",\"sort\":[{\"field\":\"birth_date\",\"order\":\"asc\"}]}")
                      })))
  public Map<String, Object> search(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
    SearchRequest request = RequestBodies.read(body, SearchRequest.class, SearchRequest.empty());
    return search.search(request, AuthFilter.principal(http));
  }

  @GetMapping("/{personId}")
  @Operation(summary = "The person page: the record with provenance, conflicts, quality and sources", description = "404 alike for an unknown person and one outside your jurisdiction.")
  public Map<String, Object> person(@PathVariable String personId, HttpServletRequest http) {
    return search.person(personId, AuthFilter.principal(http));
  }

  @PostMapping("/lookup")
  @Operation(
      summary = "Find a person by ID number (sent in the body, never in a URL)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = LookupRequest.class), examples = @ExampleObject(value = "{\"id_number\":\"11010519491231002X\"}"))))
  public Map<String, Object> lookup(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
    LookupRequest request = RequestBodies.read(body, LookupRequest.class, new LookupRequest(null));
    if (request.idNumber() == null || request.idNumber().isBlank()) {
      throw cn.jzz.hub.api.ApiException.badRequest("MISSING_ID_NUMBER", "send {\"id_number\":\"…\"}");
    }
    return search.lookup(request.idNumber(), AuthFilter.principal(http));
  }
}
