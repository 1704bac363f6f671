package cn.jzz.hub.query;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.schema.AgeFilter;
import cn.jzz.hub.schema.DateRange;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDef;
import cn.jzz.hub.schema.TagDictionary;
import cn.jzz.hub.security.FieldProtection;
import cn.jzz.hub.security.Principal;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Turns a search request into an Elasticsearch query from a whitelist of fields, operators and value
 * types; no caller-supplied DSL ever reaches the cluster. Every problem is reported at once with its
 * path and how to fix it (400); fields the caller may not see are refused (403). The caller's
 * jurisdiction is always added as a filter.
 */
public final class ResidentQueryBuilder {

  static final List<String> OPERATORS = List.of("eq", "in", "range", "prefix", "exists");
  static final Set<String> RANGE_KEYS = Set.of("gte", "gt", "lte", "lt");
  /** System fields one may filter and sort on; the others are objects shown on the person page. */
  static final Set<String> FILTERABLE_SYSTEM = Set.of("person_id", "status", "sources", "updated_at", "version");

  // Complexity limits: a query larger than this is a mistake or an attack, and is refused (400).
  static final int MAX_FILTERS = 50;
  static final int MAX_VALUES = 1000;
  static final int MAX_TAGS = 50;
  static final int MAX_TEXT = 100;
  static final int MAX_SORT = 5;
  static final int MAX_VALUE_LENGTH = 200;

  private final ResidentSchema schema;
  private final TagDictionary tags;
  private final FieldProtection protection;

  public ResidentQueryBuilder(ResidentSchema schema, TagDictionary tags, FieldProtection protection) {
    this.schema = schema;
    this.tags = tags;
    this.protection = protection;
  }

  /** Collects problems; 400 problems win over 403 ones, since fixing them may remove the latter. */
  static final class Problems {
    final List<Map<String, String>> bad = new ArrayList<>();
    final List<Map<String, String>> forbidden = new ArrayList<>();

    void bad(String path, String message) {
      bad.add(entry(path, message));
    }

    void forbidden(String path, String message) {
      forbidden.add(entry(path, message));
    }

    private static Map<String, String> entry(String path, String message) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("path", path);
      m.put("message", message);
      return m;
    }

    void throwIfAny() {
      if (!bad.isEmpty()) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_QUERY", bad.size() + " problem(s) in the query: " + bad.get(0).get("path") + ": " + bad.get(0).get("message") + (bad.size() > 1 ? " (see details)" : ""), bad);
      }
      if (!forbidden.isEmpty()) {
        throw new ApiException(HttpStatus.FORBIDDEN, "FIELD_NOT_PERMITTED", forbidden.get(0).get("message") + (forbidden.size() > 1 ? " (see details)" : ""), forbidden);
      }
    }
  }

  /** The query for {@code request} as {@code principal} may run it, on {@code today} (Asia/Shanghai). */
  public Query build(SearchRequest request, Principal principal, LocalDate today) {
    Problems problems = new Problems();
    Query query = build(request, principal, today, problems);
    problems.throwIfAny();
    return query;
  }

  Query build(SearchRequest request, Principal principal, LocalDate today, Problems problems) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    FieldDef status = schema.require("status");
    List<String> states = request.status() == null || request.status().isEmpty() ? List.of("在册") : request.status();
    for (int i = 0; i < states.size(); i++) {
      if (!status.type().values().contains(states.get(i))) {
        problems.bad("status[" + i + "]", "unknown status '" + states.get(i) + "'; use any of " + status.type().values());
      }
    }
    bool.filter(terms("status", states));
    principal.jurisdiction().ifPresent(j -> bool.filter(q -> q.term(t -> t.field(j.field()).value(j.code()))));

    List<SearchRequest.Filter> filters = request.filters() == null ? List.of() : request.filters();
    if (filters.size() > MAX_FILTERS) {
      problems.bad("filters", "at most " + MAX_FILTERS + " filters; combine values with op 'in'");
    } else {
      for (int i = 0; i < filters.size(); i++) {
        Query q = filter(filters.get(i), "filters[" + i + "]", principal, problems);
        if (q != null) {
          bool.filter(q);
        }
      }
    }
    List<String> all = request.tagsAll() == null ? List.of() : request.tagsAll();
    List<String> any = request.tagsAny() == null ? List.of() : request.tagsAny();
    if (all.size() + any.size() > MAX_TAGS) {
      problems.bad("tags_all", "at most " + MAX_TAGS + " tags in tags_all and tags_any together");
    } else {
      for (int i = 0; i < all.size(); i++) {
        Query q = tag(all.get(i), "tags_all[" + i + "]", principal, today, problems);
        if (q != null) {
          bool.filter(q);
        }
      }
      List<Query> anyOf = new ArrayList<>();
      for (int i = 0; i < any.size(); i++) {
        Query q = tag(any.get(i), "tags_any[" + i + "]", principal, today, problems);
        if (q != null) {
          anyOf.add(q);
        }
      }
      if (!anyOf.isEmpty()) {
        bool.filter(q -> q.bool(b -> b.should(anyOf).minimumShouldMatch("1")));
      }
    }
    if (request.text() != null && !request.text().isBlank()) {
      String text = request.text().strip();
      if (text.length() > MAX_TEXT) {
        problems.bad("text", "at most " + MAX_TEXT + " characters");
      } else {
        bool.filter(q -> q.bool(b -> {
          schema.searchableFields().stream().filter(principal::maySee).forEach(f -> b.should(s -> s.matchPhrase(m -> m.field(f.key()).query(text))));
          return b.minimumShouldMatch("1");
        }));
      }
    }
    if (request.age() != null) {
      Integer min = request.age().min();
      Integer max = request.age().max();
      if ((min != null && (min < 0 || min > 150)) || (max != null && (max < 0 || max > 150)) || (min != null && max != null && min > max)) {
        problems.bad("age", "age bounds are whole years 0..150 with min ≤ max");
      } else if (min != null || max != null) {
        bool.filter(birthRange(new AgeFilter(min, max, Set.of()).birthDateRange(today)));
      }
    }
    return bool.build()._toQuery();
  }

  /** The sort keys as (es field, descending) pairs; person_id is appended by the caller. */
  List<Map.Entry<String, Boolean>> sort(List<SearchRequest.Sort> sort, Principal principal, Problems problems) {
    List<Map.Entry<String, Boolean>> out = new ArrayList<>();
    if (sort == null) {
      return out;
    }
    if (sort.size() > MAX_SORT) {
      problems.bad("sort", "at most " + MAX_SORT + " sort keys");
      return out;
    }
    for (int i = 0; i < sort.size(); i++) {
      SearchRequest.Sort s = sort.get(i);
      String path = "sort[" + i + "]";
      Optional<FieldDef> field = filterableField(s == null ? null : s.field(), path + ".field", problems);
      if (field.isEmpty()) {
        continue;
      }
      if (!principal.maySee(field.get())) {
        problems.forbidden(path + ".field", notPermitted(field.get()));
        continue;
      }
      if (field.get().key().equals("sources") && protection.visibleSources(principal).size() != schemaSourceCount()) {
        problems.forbidden(path + ".field", "sorting by sources would order people by sources hidden from you");
        continue;
      }
      String order = s.order() == null ? "asc" : s.order();
      if (!order.equals("asc") && !order.equals("desc")) {
        problems.bad(path + ".order", "use asc or desc");
        continue;
      }
      out.add(Map.entry(keywordField(field.get()), order.equals("desc")));
    }
    return out;
  }

  /** The field a facet counts, checked: visible, not M unless the caller may unmask. */
  Optional<FieldDef> facetField(String key, String path, Principal principal, Problems problems) {
    if (IndexTemplate.TAG_ALL.equals(key)) {
      return Optional.empty();
    }
    Optional<FieldDef> field = filterableField(key, path, problems);
    if (field.isEmpty()) {
      return field;
    }
    if (!principal.maySee(field.get())) {
      problems.forbidden(path, notPermitted(field.get()));
      return Optional.empty();
    }
    if (field.get().isMasked() && !principal.mayUnmask()) {
      problems.forbidden(path, "'" + key + "' is masked for your role; counting by it would show the clear values");
      return Optional.empty();
    }
    return field;
  }

  private Optional<FieldDef> filterableField(String key, String path, Problems problems) {
    Optional<FieldDef> field = key == null ? Optional.empty() : schema.field(key);
    if (field.isEmpty()) {
      problems.bad(path, "unknown field '" + key + "'; use a key from GET /api/v1/schema");
      return Optional.empty();
    }
    if (field.get().isSystem() && !FILTERABLE_SYSTEM.contains(key)) {
      problems.bad(path, "'" + key + "' is shown on the person page and cannot be searched; system fields to search are " + FILTERABLE_SYSTEM);
      return Optional.empty();
    }
    return field;
  }

  private Query filter(SearchRequest.Filter f, String path, Principal principal, Problems problems) {
    if (f == null) {
      problems.bad(path, "a filter is {\"field\":…,\"op\":…,\"value\":…}");
      return null;
    }
    Optional<FieldDef> found = filterableField(f.field(), path + ".field", problems);
    if (found.isEmpty()) {
      return null;
    }
    FieldDef field = found.get();
    if (!principal.maySee(field)) {
      problems.forbidden(path + ".field", notPermitted(field));
      return null;
    }
    String op = f.op() == null ? "eq" : f.op();
    if (field.key().equals("sources") && !sourcesPermitted(op, f.value(), principal)) {
      problems.forbidden(path, "a source whose data you may not see cannot be searched for: its presence is itself the hidden fact; "
          + "use eq or in with sources you may see " + protection.visibleSources(principal));
      return null;
    }
    FieldType.Kind kind = field.type().kind();
    Object value = f.value();
    String es = keywordField(field);
    boolean maskedForCaller = field.isMasked() && !principal.mayUnmask();
    switch (op) {
      case "eq" -> {
        if (value == null || value instanceof List || value instanceof Map) {
          problems.bad(path + ".value", "eq needs a single value");
          return null;
        }
        Object v = value(field, value, path + ".value", problems);
        return v == null ? null : termsOf(es, List.of(v));
      }
      case "in" -> {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
          problems.bad(path + ".value", "in needs a non-empty list of values");
          return null;
        }
        if (list.size() > MAX_VALUES) {
          problems.bad(path + ".value", "at most " + MAX_VALUES + " values; export by a broader filter instead");
          return null;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          Object v = list.get(i) instanceof List || list.get(i) instanceof Map ? null : value(field, list.get(i), path + ".value[" + i + "]", problems);
          if (v == null && (list.get(i) == null || list.get(i) instanceof List || list.get(i) instanceof Map)) {
            problems.bad(path + ".value[" + i + "]", "in takes plain values");
          }
          if (v != null) {
            values.add(v);
          }
        }
        return values.size() == list.size() ? termsOf(es, values) : null;
      }
      case "prefix" -> {
        if (kind != FieldType.Kind.STRING && kind != FieldType.Kind.CODE) {
          problems.bad(path + ".op", "prefix works on text and code fields; '" + field.key() + "' is " + field.type().describe());
          return null;
        }
        if (maskedForCaller) {
          problems.forbidden(path + ".op", "'" + field.key() + "' is masked for your role; only eq, in and exists may be used on it");
          return null;
        }
        if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_VALUE_LENGTH) {
          problems.bad(path + ".value", "prefix needs a non-empty text value of at most " + MAX_VALUE_LENGTH + " characters");
          return null;
        }
        return Query.of(q -> q.prefix(p -> p.field(es).value(s)));
      }
      case "exists" -> {
        if (value != null && !(value instanceof Boolean)) {
          problems.bad(path + ".value", "exists takes true (has a value, the default) or false (has none)");
          return null;
        }
        Query exists = Query.of(q -> q.exists(e -> e.field(field.key())));
        return Boolean.FALSE.equals(value) ? Query.of(q -> q.bool(b -> b.mustNot(exists))) : exists;
      }
      case "range" -> {
        if (kind != FieldType.Kind.INT && kind != FieldType.Kind.LONG && kind != FieldType.Kind.DATE && kind != FieldType.Kind.TIMESTAMP) {
          problems.bad(path + ".op", "range works on numbers and dates; '" + field.key() + "' is " + field.type().describe());
          return null;
        }
        if (!(value instanceof Map<?, ?> range) || range.isEmpty() || !RANGE_KEYS.containsAll(range.keySet())) {
          problems.bad(path + ".value", "range needs an object with any of gte, gt, lte, lt");
          return null;
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        range.forEach((k, v) -> {
          Object bound = v instanceof List || v instanceof Map ? null : value(field, v, path + ".value." + k, problems);
          if (bound != null) {
            bounds.put(k.toString(), bound);
          }
        });
        if (bounds.size() != range.size()) {
          return null;
        }
        return Query.of(q -> q.range(r -> r.untyped(u -> {
          u.field(field.key());
          bounds.forEach((k, v) -> {
            JsonData bound = JsonData.of(v);
            switch (k) {
              case "gte" -> u.gte(bound);
              case "gt" -> u.gt(bound);
              case "lte" -> u.lte(bound);
              default -> u.lt(bound);
            }
          });
          return u;
        })));
      }
      default -> {
        problems.bad(path + ".op", "unknown operator '" + op + "'; use one of " + OPERATORS);
        return null;
      }
    }
  }

  /** A filter value checked against the field's type, in the form the index holds; null if invalid. */
  private Object value(FieldDef field, Object raw, String path, Problems problems) {
    if (raw == null) {
      problems.bad(path, "a value is required");
      return null;
    }
    FieldType type = field.type();
    String text = raw instanceof String s ? s.strip() : raw instanceof Number || raw instanceof Boolean ? raw.toString() : null;
    if (text == null || text.isEmpty() || text.length() > MAX_VALUE_LENGTH) {
      problems.bad(path, "'" + field.key() + "' takes a value of at most " + MAX_VALUE_LENGTH + " characters");
      return null;
    }
    switch (type.kind()) {
      case INT, LONG -> {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          problems.bad(path, "'" + field.key() + "' is a whole number; got '" + abbreviate(text) + "'");
          return null;
        }
      }
      case DATE -> {
        try {
          return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
          problems.bad(path, "'" + field.key() + "' is a date yyyy-MM-dd; got '" + abbreviate(text) + "'");
          return null;
        }
      }
      case TIMESTAMP -> {
        try {
          return Instant.parse(text).toString();
        } catch (DateTimeParseException e) {
          try {
            return LocalDate.parse(text).toString();
          } catch (DateTimeParseException e2) {
            problems.bad(path, "'" + field.key() + "' is an ISO instant (2026-11-26T08:00:00Z) or date; got '" + abbreviate(text) + "'");
            return null;
          }
        }
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          problems.bad(path, "'" + field.key() + "' is true or false");
          return null;
        }
        return Boolean.parseBoolean(text);
      }
      case ENUM, TAGS -> {
        if (!type.values().contains(text)) {
          problems.bad(path, "'" + abbreviate(text) + "' is not a value of '" + field.key() + "'; use one of " + type.values());
          return null;
        }
        return text;
      }
      case CODE -> {
        if (schema.codeTables().get(type.codeTable()).map(t -> !t.contains(text)).orElse(false)) {
          problems.bad(path, "'" + abbreviate(text) + "' is not a code of table '" + type.codeTable() + "' for '" + field.key() + "'; see GET /api/v1/schema");
          return null;
        }
        return text;
      }
      case OBJECT -> {
        problems.bad(path, "'" + field.key() + "' cannot be searched");
        return null;
      }
      default -> {
        return text;
      }
    }
  }

  private Query tag(String name, String path, Principal principal, LocalDate today, Problems problems) {
    Optional<TagDef> found = name == null ? Optional.empty() : tags.tag(name);
    if (found.isEmpty()) {
      problems.bad(path, "unknown tag '" + abbreviate(String.valueOf(name)) + "'; the tags are listed in GET /api/v1/schema (tags)");
      return null;
    }
    TagDef tag = found.get();
    if (tag.rule() instanceof AgeFilter age) {
      Query range = birthRange(age.birthDateRange(today));
      if (age.sexCodes().isEmpty()) {
        return range;
      }
      List<Object> sexes = new ArrayList<>(age.sexCodes());
      return Query.of(q -> q.bool(b -> b.filter(range).filter(termsOf("sex", sexes))));
    }
    if (!protection.maySeeTag(principal, tag)) {
      problems.forbidden(path, "tag '" + name + "' belongs to '" + tag.field() + "', which your role may not see" + (tag.isRestricted() ? " (restricted: needs an explicit grant)" : ""));
      return null;
    }
    // The tag's own field: the same as tag_all for the tags it holds, and independent of the indexer.
    return Query.of(q -> q.term(t -> t.field(tag.field()).value(tag.name())));
  }

  private static Query birthRange(DateRange range) {
    return Query.of(q -> q.range(r -> r.date(d -> {
      d.field("birth_date");
      if (range.from() != null) {
        d.gte(range.from().toString());
      }
      if (range.to() != null) {
        d.lte(range.to().toString());
      }
      return d;
    })));
  }

  /** eq / in with visible sources, or exists; a prefix of a hidden source would count its people. */
  private boolean sourcesPermitted(String op, Object value, Principal principal) {
    List<String> visible = protection.visibleSources(principal);
    if (op.equals("exists") || visible.size() == schemaSourceCount()) {
      return true;
    }
    if (!op.equals("eq") && !op.equals("in")) {
      return false;
    }
    for (Object v : value instanceof List<?> list ? list : java.util.Collections.singletonList(value)) {
      if (v != null && !visible.contains(v.toString())) {
        return false;
      }
    }
    return true;
  }

  private int schemaSourceCount() {
    return schema.sources().ids().size();
  }

  static String notPermitted(FieldDef field) {
    if (field.isRestricted()) {
      return "'" + field.key() + "' is restricted: it needs the grant restricted:" + field.key();
    }
    return "'" + field.key() + "' is sensitive (S): it needs the grant sensitive:" + field.key();
  }

  /** The index field for exact matching, sorting and counting (searchable text has a keyword subfield). */
  static String keywordField(FieldDef field) {
    return field.searchable() ? field.key() + ".keyword" : field.key();
  }

  private static Query termsOf(String field, List<Object> values) {
    List<FieldValue> fieldValues = values.stream().map(ResidentQueryBuilder::fieldValue).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
  }

  private static Query terms(String field, List<String> values) {
    return termsOf(field, new ArrayList<>(values));
  }

  private static FieldValue fieldValue(Object v) {
    if (v instanceof Long l) {
      return FieldValue.of(l);
    }
    if (v instanceof Boolean b) {
      return FieldValue.of(b);
    }
    return FieldValue.of(v.toString());
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
