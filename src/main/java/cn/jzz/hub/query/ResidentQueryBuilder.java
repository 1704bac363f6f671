package cn.jzz.hub.query;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.security.Principal;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a search request into an Elasticsearch query from a whitelist of fields and operators; no
 * caller-supplied DSL ever reaches the cluster. Every problem is reported, with how to fix it.
 */
public final class ResidentQueryBuilder {

  static final Set<String> OPERATORS = Set.of("eq", "in", "range", "prefix", "exists");
  private final Predicate<String> filterable;
  private final List<String> textFields;

  /** @param textFields the schema's searchable fields, matched by {@code text} */
  public ResidentQueryBuilder(Predicate<String> filterable, List<String> textFields) {
    this.filterable = filterable;
    this.textFields = List.copyOf(textFields);
  }

  public Query build(SearchRequest request, Principal principal, LocalDate today) {
    List<Map<String, String>> problems = new ArrayList<>();
    BoolQuery.Builder bool = new BoolQuery.Builder();
    List<String> status = request.status() == null || request.status().isEmpty() ? List.of("在册") : request.status();
    bool.filter(terms("status", status));
    if (principal.scope() != null) {
      bool.filter(q -> q.prefix(p -> p.field("community_code").value(principal.scope())));
    }
    List<SearchRequest.Filter> filters = request.filters() == null ? List.of() : request.filters();
    for (int i = 0; i < filters.size(); i++) {
      Query q = filter(filters.get(i), "filters[" + i + "]", problems);
      if (q != null) {
        bool.filter(q);
      }
    }
    if (request.text() != null && !request.text().isBlank()) {
      String text = request.text().strip();
      bool.filter(q -> q.bool(b -> {
        textFields.forEach(f -> b.should(s -> s.matchPhrase(m -> m.field(f).query(text))));
        return b.minimumShouldMatch("1");
      }));
    }
    if (request.age() != null) {
      if (request.age().min() != null) {
        bool.filter(q -> q.range(r -> r.date(d -> d.field("birth_date").lte(today.minusYears(request.age().min()).toString()))));
      }
      if (request.age().max() != null) {
        bool.filter(q -> q.range(r -> r.date(d -> d.field("birth_date").gt(today.minusYears(request.age().max() + 1L).toString()))));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_QUERY", problems.size() + " problem(s) in the query; see details", problems);
    }
    return bool.build()._toQuery();
  }

  private Query filter(SearchRequest.Filter f, String path, List<Map<String, String>> problems) {
    if (f == null || f.field() == null || !filterable.test(f.field())) {
      problems.add(Map.of("path", path + ".field", "message", "unknown field '" + (f == null ? null : f.field()) + "'; use a key from GET /api/v1/schema"));
      return null;
    }
    String op = f.op() == null ? "eq" : f.op();
    String field = f.field();
    Object value = f.value();
    switch (op) {
      case "eq":
        if (value == null || value instanceof List || value instanceof Map) {
          problems.add(Map.of("path", path + ".value", "message", "eq needs a single value"));
          return null;
        }
        return terms(field, List.of(value.toString()));
      case "in":
        if (!(value instanceof List<?> list) || list.isEmpty()) {
          problems.add(Map.of("path", path + ".value", "message", "in needs a non-empty list of values"));
          return null;
        }
        return terms(field, list.stream().map(String::valueOf).toList());
      case "prefix":
        if (value == null || value instanceof List || value instanceof Map) {
          problems.add(Map.of("path", path + ".value", "message", "prefix needs a single text value"));
          return null;
        }
        return Query.of(q -> q.prefix(p -> p.field(field).value(value.toString())));
      case "exists":
        return Query.of(q -> q.exists(e -> e.field(field)));
      case "range":
        if (!(value instanceof Map<?, ?> range) || range.isEmpty() || !Set.of("gte", "lte", "gt", "lt").containsAll(range.keySet())) {
          problems.add(Map.of("path", path + ".value", "message", "range needs an object with any of gte, gt, lte, lt"));
          return null;
        }
        return Query.of(q -> q.range(r -> r.untyped(u -> {
          u.field(field);
          range.forEach((k, v) -> {
            JsonData bound = JsonData.of(v);
            switch (k.toString()) {
              case "gte" -> u.gte(bound);
              case "gt" -> u.gt(bound);
              case "lte" -> u.lte(bound);
              default -> u.lt(bound);
            }
          });
          return u;
        })));
      default:
        problems.add(Map.of("path", path + ".op", "message", "unknown operator '" + op + "'; use one of " + OPERATORS));
        return null;
    }
  }

  private static Query terms(String field, List<String> values) {
    List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
  }
}
