package cn.jzz.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.schema.SchemaFixtures;
import cn.jzz.hub.security.CallerView;
import cn.jzz.hub.security.PolicyFixtures;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.support.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No filter, sort, facet or text search acts as an oracle on what the caller sees masked. */
class NoOracleTest {

  final ResidentQueryBuilder builder = new ResidentQueryBuilder(SchemaFixtures.schema(), SchemaFixtures.tags());
  final CallerView analyst = PolicyFixtures.protection().view(new Principal("analyst", Principal.Role.analyst, null));
  final CallerView grid = PolicyFixtures.protection().view(new Principal("grid", Principal.Role.grid_worker, "370811002001"));

  static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  ResidentQueryBuilder.Problems problems(String body, CallerView view, boolean countOnly) {
    SearchRequest request = RequestBodies.read(tree(body), SearchRequest.class, SearchRequest.empty());
    ResidentQueryBuilder.Problems problems = new ResidentQueryBuilder.Problems();
    builder.build(request, view, LocalDate.of(2026, 12, 4), countOnly, problems);
    builder.sort(request.sort(), view, problems);
    for (int i = 0; request.facets() != null && i < request.facets().size(); i++) {
      builder.facetField(request.facets().get(i), "facets[" + i + "]", view, countOnly, problems);
    }
    return problems;
  }

  String bad(String body, CallerView view) {
    ResidentQueryBuilder.Problems p = problems(body, view, false);
    assertThat(p.bad).as(body).isNotEmpty();
    return p.bad.toString();
  }

  @Test
  void maskedFieldsTakeOnlyExists() {
    assertThat(bad("{\"filters\":[{\"field\":\"id_number\",\"op\":\"eq\",\"value\":\"370828195003123693\"}]}", analyst))
        .contains("filters[0].op").contains("'id_number' is masked for your role");
    assertThat(bad("{\"filters\":[{\"field\":\"phone\",\"op\":\"in\",\"value\":[\"13905371234\",\"13905371235\"]}]}", analyst)).contains("'phone' is masked");
    assertThat(bad("{\"filters\":[{\"field\":\"id_number\",\"op\":\"prefix\",\"value\":\"3708\"}]}", grid)).contains("'id_number' is masked");
    assertThat(bad("{\"filters\":[{\"field\":\"hukou_address\",\"op\":\"eq\",\"value\":\"x\"}]}", grid)).contains("'hukou_address' is masked");
    assertThat(problems("{\"filters\":[{\"field\":\"phone\",\"op\":\"exists\"}]}", analyst, false).bad).isEmpty();
    // the grid worker sees phones in clear: she may look a number up
    assertThat(problems("{\"filters\":[{\"field\":\"phone\",\"op\":\"eq\",\"value\":\"13905371234\"}]}", grid, false).bad).isEmpty();
  }

  @Test
  void maskedFieldsAreNeverSortedCountedOrTextSearched() {
    assertThat(bad("{\"sort\":[{\"field\":\"full_name\"}]}", analyst)).contains("sort[0].field").contains("sorted on");
    assertThat(bad("{\"facets\":[\"phone\"]}", analyst)).contains("facets[0]").contains("counted by");
    assertThat(bad("{\"text\":\"古槐路12号3号楼2单元\",\"text_fields\":[\"hukou_address\"]}", grid)).contains("text_fields[0]").contains("text-searched");
    // by default the text covers only what she sees clear
    assertThat(builder.textFields(null, analyst, new ResidentQueryBuilder.Problems()).stream().map(f -> f.key()).toList()).containsExactly("compound_name");
    assertThat(builder.textFields(null, grid, new ResidentQueryBuilder.Problems()).stream().map(f -> f.key()).toList()).containsExactly("compound_name", "full_name");
  }

  @Test
  void countedFieldsOnlyCount() {
    assertThat(bad("{\"tags_all\":[\"独居\"]}", analyst)).contains("count-only");
    assertThat(bad("{\"facets\":[\"elderly_tags\"]}", analyst)).contains("count-only");
    ResidentQueryBuilder.Problems counting = problems("{\"tags_all\":[\"独居\"],\"facets\":[\"elderly_tags\"]}", analyst, true);
    assertThat(counting.bad).isEmpty();
    assertThat(counting.usesCounted).isTrue();
    // restricted tags are not even counted
    assertThat(problems("{\"tags_all\":[\"社区矫正对象\"]}", analyst, true).forbidden).isNotEmpty();
    assertThat(problems("{\"tags_all\":[\"独居\"]}", grid, false).bad).isEmpty();
  }

  @Test
  void nullsInListsAreBadInputNotErrors() {
    assertThat(bad("{\"status\":[null]}", analyst)).contains("status[0]");
    assertThat(bad("{\"tags_all\":[null]}", analyst)).contains("tags_all[0]");
    assertThat(bad("{\"facets\":[null]}", analyst)).contains("facets[0]");
    assertThat(bad("{\"sort\":[null]}", analyst)).contains("sort[0]");
    assertThat(bad("{\"filters\":[{\"field\":\"sex\",\"op\":\"in\",\"value\":[null]}]}", analyst)).contains("filters[0].value[0]");
    assertThat(bad("{\"text\":\"王\",\"text_fields\":[null]}", grid)).contains("text_fields[0]");
  }

  @Test
  void smallCountsAreSuppressedWhereACountedFieldIsInvolved() {
    SmallCounts small = new SmallCounts(5, 12);
    List<java.util.Map<String, Object>> buckets = List.of(
        java.util.Map.of("value", "独居", "count", 3L), java.util.Map.of("value", "空巢", "count", 6L), java.util.Map.of("value", "失能", "count", 9L));
    // 3 is too few; 9 of 12 leaves 3 outside it, which tells as much
    assertThat(small.buckets(buckets)).extracting(b -> b.get("value")).containsExactly("空巢");
    assertThat(new SmallCounts(5, 4).total()).isNull();
    assertThat(SmallCounts.none(2).total()).isEqualTo(2L);
  }

  @Test
  void theBuilderRefusesWithAllProblemsAtOnce() {
    assertThatThrownBy(() -> builder.build(RequestBodies.read(tree(
            "{\"status\":[null],\"filters\":[{\"field\":\"phone\",\"op\":\"eq\",\"value\":\"1\"},{\"field\":\"nope\",\"op\":\"eq\",\"value\":\"1\"}]}"), SearchRequest.class, null),
        analyst, LocalDate.of(2026, 12, 4), false))
        .isInstanceOf(ApiException.class).hasMessageContaining("3 problem(s)");
  }
}
