package cn.jzz.hub.query;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.IdParseResult;
import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.AccessPolicyDefinition.Rows;
import cn.jzz.hub.security.AuditEvent;
import cn.jzz.hub.security.AuditLog;
import cn.jzz.hub.security.Masks;
import cn.jzz.hub.security.CallerView;
import cn.jzz.hub.security.FieldProtection;
import cn.jzz.hub.security.RateLimiter;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.support.Json;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Resident reads for a principal: search with facets, the person page and lookup by ID number. Every
 * read is limited to the rows her role may read, passes {@link FieldProtection} and is audited.
 * Answers that involve a field she may only count suppress counts below the policy's min_cell.
 */
public final class ResidentSearchService {

  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  static final int MAX_SIZE = 1000;
  static final int MAX_WINDOW = 10_000;
  static final int MAX_FACETS = 10;
  static final int FACET_BUCKETS = 500;
  /** Kept out of list items: they belong on the person page. */
  static final Set<String> DETAIL_ONLY = Set.of("provenance", "conflicts", "quality", "version");

  private final ElasticsearchClient client;
  private final String alias;
  private final ResidentSchema schema;
  private final ResidentQueryBuilder queries;
  private final FieldProtection protection;
  private final FacetLabels labels;
  private final AuditLog audit;
  private final IdNumbers idNumbers;
  private final PersonIds personIds;
  private final RateLimiter lookups;
  private final Clock clock;

  public ResidentSearchService(
      ElasticsearchClient client,
      String alias,
      ResidentSchema schema,
      ResidentQueryBuilder queries,
      FieldProtection protection,
      FacetLabels labels,
      AuditLog audit,
      IdNumbers idNumbers,
      PersonIds personIds,
      RateLimiter lookups,
      Clock clock) {
    this.client = client;
    this.alias = alias;
    this.schema = schema;
    this.queries = queries;
    this.protection = protection;
    this.labels = labels;
    this.audit = audit;
    this.idNumbers = idNumbers;
    this.personIds = personIds;
    this.lookups = lookups;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(LOCAL));
  }

  /** The checked query and sort of a request (also used by exports). */
  public record Compiled(Query query, List<SortOptions> sort) {}

  /** Validates {@code request} for listing people (400/403 on problems) and compiles it. */
  public Compiled compile(SearchRequest request, CallerView view) {
    return compile(request, view, false, new ResidentQueryBuilder.Problems());
  }

  private Compiled compile(SearchRequest request, CallerView view, boolean countOnly, ResidentQueryBuilder.Problems problems) {
    Query query = queries.build(request, view, today(), countOnly, problems);
    List<SortOptions> sort = new ArrayList<>();
    for (Map.Entry<String, Boolean> s : queries.sort(request.sort(), view, problems)) {
      sort.add(SortOptions.of(o -> o.field(f -> f.field(s.getKey()).order(s.getValue() ? SortOrder.Desc : SortOrder.Asc).missing("_last"))));
    }
    problems.throwIfAny();
    sort.add(SortOptions.of(o -> o.field(f -> f.field("person_id").order(SortOrder.Asc))));
    return new Compiled(query, sort);
  }

  public Map<String, Object> search(SearchRequest request, Principal principal) {
    require(principal, "search");
    CallerView view = readerView(principal);
    int page = request.pageOrDefault();
    int size = request.sizeOrDefault();
    if (page < 1 || size < 0 || size > MAX_SIZE) {
      throw ApiException.badRequest("INVALID_PAGING", "page starts at 1 and size is between 0 and " + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw ApiException.badRequest(
          "RESULT_WINDOW_TOO_LARGE", "paging is limited to the first " + MAX_WINDOW + " results; narrow the filters or use POST /api/v1/exports for the whole set");
    }
    boolean countOnly = size == 0;
    List<String> facets = request.facets() == null ? List.of() : request.facets();
    ResidentQueryBuilder.Problems problems = new ResidentQueryBuilder.Problems();
    if (facets.size() > MAX_FACETS) {
      problems.bad("facets", "at most " + MAX_FACETS + " facets");
    }
    Map<String, Aggregation> aggregations = new LinkedHashMap<>();
    for (int i = 0; i < facets.size() && i < MAX_FACETS; i++) {
      String key = facets.get(i);
      if (IndexTemplate.TAG_ALL.equals(key)) {
        // Only the tags the caller may count exist for her; counted ones only where no one is listed.
        List<String> include = countOnly ? protection.countableTags(view) : protection.clearTags(view);
        problems.usesCounted |= include.size() > protection.clearTags(view).size();
        aggregations.put(key, Aggregation.of(a -> a.terms(t -> t.field(IndexTemplate.TAG_ALL).size(FACET_BUCKETS).include(inc -> inc.terms(include)))));
        continue;
      }
      Optional<FieldDef> field = queries.facetField(key, "facets[" + i + "]", view, countOnly, problems);
      if (field.isPresent() && key.equals("sources")) {
        // Like tags: a source whose membership is hidden from the caller is not counted either.
        List<String> include = countOnly ? view.countableSources() : view.clearSources();
        problems.usesCounted |= include.size() > view.clearSources().size();
        aggregations.put(key, Aggregation.of(a -> a.terms(t -> t.field(key).size(FACET_BUCKETS).include(inc -> inc.terms(include)))));
        continue;
      }
      field.ifPresent(f -> aggregations.put(key, Aggregation.of(a -> a.terms(t -> t.field(ResidentQueryBuilder.keywordField(f)).size(FACET_BUCKETS)))));
    }
    Compiled compiled = compile(request, view, countOnly, problems);
    SearchResponse<Map> response;
    try {
      response =
          client.search(
              s -> s.index(alias).query(compiled.query()).from((page - 1) * size).size(size).trackTotalHits(t -> t.enabled(true)).sort(compiled.sort()).aggregations(aggregations)
                  // What the list drops anyway need not be loaded, sent and decoded.
                  .source(src -> src.filter(f -> f.excludes(List.copyOf(DETAIL_ONLY)))),
              Map.class);
    } catch (IOException e) {
      throw unavailable(e);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = new LinkedHashMap<>(hit.source());
      DETAIL_ONLY.forEach(doc::remove);
      items.add(protection.protect(doc, view));
    }
    long total = response.hits().total() == null ? items.size() : response.hits().total().value();
    SmallCounts small = problems.usesCounted ? new SmallCounts(view.minCell(), total) : SmallCounts.none(total);
    Map<String, Object> facetCounts = new LinkedHashMap<>();
    for (String key : aggregations.keySet()) {
      facetCounts.put(key, small.buckets(buckets(key, response.aggregations().get(key))));
    }
    audit.record(principal, AuditEvent.allowed("residents.search", auditQuery(request), (long) items.size()).withOutcome("allowed", 200, "total " + total));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("total", small.total());
    result.put("page", page);
    result.put("size", size);
    result.put("items", items);
    result.put("facets", facetCounts);
    if (problems.usesCounted) {
      result.put("suppressed_below", view.minCell());
    }
    if (request.text() != null && !request.text().isBlank()) {
      result.put("text_fields", queries.textFields(request.textFields(), view, new ResidentQueryBuilder.Problems()).stream().map(FieldDef::key).toList());
    }
    return result;
  }

  /** The view of a caller who reads the population; 403 for a role that reads only what is sent to it. */
  CallerView readerView(Principal principal) {
    CallerView view = protection.view(principal);
    if (view.rows() == Rows.none) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "your role (" + principal.roleLabel() + ") does not read the population; it receives what the hub sends to it");
    }
    return view;
  }

  /** Validates {@code request} for listing people by {@code principal} (exports). */
  public Compiled compileFor(SearchRequest request, Principal principal) {
    return compile(request, readerView(principal));
  }

  private List<Map<String, Object>> buckets(String key, Aggregate agg) {
    Optional<FieldDef> field = schema.field(key);
    List<Map<String, Object>> buckets = new ArrayList<>();
    if (agg == null) {
      return buckets;
    }
    if (agg.isSterms()) {
      agg.sterms().buckets().array().forEach(b -> buckets.add(bucket(field, b.key().stringValue(), b.docCount())));
    } else if (agg.isLterms()) {
      agg.lterms().buckets().array().forEach(b -> {
        String value = field.map(f -> f.type().kind() == FieldType.Kind.BOOLEAN).orElse(false) ? b.keyAsString() : String.valueOf(b.key());
        buckets.add(bucket(field, value, b.docCount()));
      });
    }
    return buckets;
  }

  private Map<String, Object> bucket(Optional<FieldDef> field, String value, long count) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("value", value);
    b.put("label", field.map(f -> labels.label(f, value)).orElse(value));
    b.put("count", count);
    return b;
  }

  /** The person page; 404 alike for an unknown person and one outside the caller's jurisdiction. */
  public Map<String, Object> person(String personId, Principal principal) {
    require(principal, "person");
    CallerView view = readerView(principal);
    Map<String, Object> doc = find(personId, principal);
    audit.record(principal, new AuditEvent("residents.view", doc == null ? "denied" : "allowed", doc == null ? 404 : 200, null, personId, doc == null ? 0L : 1L, null, null, doc == null ? "not found or outside jurisdiction" : null));
    if (doc == null) {
      throw notFound();
    }
    return protection.protect(doc, view);
  }

  /** Lookup by ID number, sent in a body so it never appears in a URL or log. */
  public Map<String, Object> lookup(String idNumber, Principal principal) {
    require(principal, "lookup");
    CallerView view = readerView(principal);
    if (!lookups.tryAcquire(principal.roleLabel() + "/" + principal.username())) {
      audit.record(principal, new AuditEvent("residents.lookup", "denied", 429, null, null, 0L, null, null, "TOO_MANY_LOOKUPS"));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOOKUPS",
          "too many lookups by ID number this minute (hub.security.lookups-per-minute); wait a minute, or search by name and address（查询过于频繁，请稍后再试）");
    }
    IdParseResult parsed = idNumbers.parse(idNumber);
    if (!(parsed instanceof IdParseResult.Valid valid)) {
      IdParseResult.Invalid invalid = (IdParseResult.Invalid) parsed;
      audit.record(principal, new AuditEvent("residents.lookup", "denied", 400, null, null, 0L, null, null, invalid.reason().code()));
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_ID_NUMBER", "the ID number is not valid: " + invalid.describe());
    }
    String personId = personIds.of(valid.id());
    Map<String, Object> doc = find(personId, principal);
    audit.record(principal, new AuditEvent("residents.lookup", doc == null ? "denied" : "allowed", doc == null ? 404 : 200, Map.of("id_number", Masks.idNumber(valid.id().number())), personId, doc == null ? 0L : 1L, null, null, doc == null ? "not found or outside jurisdiction" : null));
    if (doc == null) {
      throw notFound();
    }
    return protection.protect(doc, view);
  }

  private Map<String, Object> find(String personId, Principal principal) {
    if (!PersonIds.isPersonId(personId)) {
      return null;
    }
    try {
      SearchResponse<Map> response =
          client.search(
              s -> s.index(alias).size(1).query(q -> q.bool(b -> {
                b.filter(f -> f.term(t -> t.field("person_id").value(personId)));
                principal.jurisdiction().ifPresent(j -> b.filter(f -> f.term(t -> t.field(j.field()).value(j.code()))));
                return b;
              })),
              Map.class);
      if (response.hits().hits().isEmpty()) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = new LinkedHashMap<>(response.hits().hits().get(0).source());
      return doc;
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "PERSON_NOT_FOUND", "no resident with this person_id is visible to you; find people with POST /api/v1/residents/search");
  }

  static void require(Principal principal, String operation) {
    if (!principal.may(operation)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "this API key has no scope '" + operation + "'");
    }
  }

  static ApiException unavailable(IOException e) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE", "the search index did not answer; try again later");
  }

  /** The query as the audit keeps it: the request itself (it cannot hold an ID number outside a filter). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> auditQuery(SearchRequest request) {
    Map<String, Object> query = Json.MAPPER.convertValue(request, Map.class);
    query.values().removeIf(java.util.Objects::isNull);
    // An ID number in a filter stays out of the audit: keep it masked.
    Object filters = query.get("filters");
    if (filters instanceof List<?> list) {
      for (Object f : list) {
        if (f instanceof Map<?, ?> m && "id_number".equals(m.get("field"))) {
          ((Map<String, Object>) m).put("value", maskIds(m.get("value")));
        }
      }
    }
    return query;
  }

  private static Object maskIds(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> Masks.idNumber(String.valueOf(v))).toList();
    }
    return value == null ? null : Masks.idNumber(String.valueOf(value));
  }
}
