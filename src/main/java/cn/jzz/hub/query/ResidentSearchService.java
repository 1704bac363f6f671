package cn.jzz.hub.query;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.security.Principal;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Runs resident searches for a principal: bounded pages, facets, only whitelisted fields. */
public final class ResidentSearchService {

  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  static final int MAX_SIZE = 1000;
  static final int MAX_WINDOW = 10_000;
  /** Kept out of list items: they belong on the person page. */
  static final Set<String> DETAIL_ONLY = Set.of("provenance", "conflicts", "quality", "version");

  private final ElasticsearchClient client;
  private final String alias;
  private final ResidentQueryBuilder queries;
  private final Predicate<String> filterable;
  private final Clock clock;

  private final List<String> textFields;

  public ResidentSearchService(ElasticsearchClient client, String alias, Predicate<String> filterable, List<String> textFields, Clock clock) {
    this.client = client;
    this.alias = alias;
    this.textFields = List.copyOf(textFields);
    this.queries = new ResidentQueryBuilder(filterable, textFields);
    this.filterable = filterable;
    this.clock = clock;
  }

  public Map<String, Object> search(SearchRequest request, Principal principal) {
    int page = request.pageOrDefault();
    int size = request.sizeOrDefault();
    if (page < 1 || size < 0 || size > MAX_SIZE) {
      throw ApiException.badRequest("INVALID_PAGING", "page starts at 1 and size is between 0 and " + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw ApiException.badRequest("RESULT_WINDOW_TOO_LARGE", "paging is limited to the first " + MAX_WINDOW + " results; narrow the filters or use POST /api/v1/exports for the whole set");
    }
    List<String> facets = request.facets() == null ? List.of() : request.facets();
    for (String facet : facets) {
      if (!filterable.test(facet)) {
        throw ApiException.badRequest("UNKNOWN_FACET", "cannot count by '" + facet + "'; use a key from GET /api/v1/schema");
      }
    }
    Query query = queries.build(request, principal, LocalDate.now(clock.withZone(LOCAL)));
    try {
      SearchResponse<Map> response =
          client.search(
              s -> {
                s.index(alias).query(query).from((page - 1) * size).size(size).trackTotalHits(t -> t.enabled(true));
                if (request.sort() != null) {
                  for (SearchRequest.Sort sort : request.sort()) {
                    if (sort.field() == null || !filterable.test(sort.field())) {
                      throw ApiException.badRequest("UNKNOWN_SORT_FIELD", "cannot sort by '" + sort.field() + "'; use a key from GET /api/v1/schema");
                    }
                    SortOrder order = "desc".equalsIgnoreCase(sort.order()) ? SortOrder.Desc : SortOrder.Asc;
                    s.sort(o -> o.field(f -> f.field(sortField(sort.field())).order(order)));
                  }
                }
                s.sort(o -> o.field(f -> f.field("person_id").order(SortOrder.Asc)));
                for (String facet : facets) {
                  s.aggregations(facet, Aggregation.of(a -> a.terms(t -> t.field(facet).size(200))));
                }
                return s;
              },
              Map.class);
      List<Map<String, Object>> items = new ArrayList<>();
      for (Hit<Map> hit : response.hits().hits()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = new LinkedHashMap<>(hit.source());
        DETAIL_ONLY.forEach(doc::remove);
        items.add(doc);
      }
      Map<String, Object> facetCounts = new LinkedHashMap<>();
      for (String facet : facets) {
        var agg = response.aggregations().get(facet);
        List<Map<String, Object>> buckets = new ArrayList<>();
        if (agg != null && agg.isSterms()) {
          for (StringTermsBucket b : agg.sterms().buckets().array()) {
            buckets.add(Map.of("value", b.key().stringValue(), "label", b.key().stringValue(), "count", b.docCount()));
          }
        }
        facetCounts.put(facet, buckets);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("total", response.hits().total() == null ? items.size() : response.hits().total().value());
      result.put("page", page);
      result.put("size", size);
      result.put("items", items);
      result.put("facets", facetCounts);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed at Elasticsearch: " + e.getMessage(), e);
    }
  }

  private String sortField(String field) {
    return textFields.contains(field) ? field + ".keyword" : field;
  }
}
