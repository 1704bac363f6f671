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
import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import cn.jzz.hub.security.CallerView;
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
 * path and how to fix it (400); fields hidden from the caller are refused (403). No part of a query
 * may act as an oracle on what the caller sees masked: a masked field takes only {@code exists}, and
 * is never sorted, counted or text-searched (400 naming the field and why); a counted field takes
 * part only in count-only searches. The caller's jurisdiction is always added as a filter.
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

  public ResidentQueryBuilder(ResidentSchema schema, TagDictionary tags) {
    this.schema = schema;
    this.tags = tags;
  }

  /**
   * Collects problems; 400 problems win over 403 ones, since fixing them may remove the latter. Also
   * notes whether the query uses a counted field, whose answers then suppress small counts.
   */
  static final class Problems {
    final List<Map<String, String>> bad = new ArrayList<>();
    final List<Map<String, String>> forbidden = new ArrayList<>();
    boolean usesCounted;

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

  /** The query for {@code request} as the caller may run it, on {@code today} (Asia/Shanghai). */
  public Query build(SearchRequest request, CallerView view, LocalDate today, boolean countOnly) {
    Problems problems = new Problems();
    Query query = build(request, view, today, countOnly, problems);
    problems.throwIfAny();
    return query;
  }

  /** @param countOnly whether the answer holds counts only (size 0): counted fields may then filter */
  Query build(SearchRequest request, CallerView view, LocalDate today, boolean countOnly, Problems problems) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    FieldDef status = schema.require("status");
    List<String> states = request.status() == null || request.status().isEmpty() ? List.of("在册") : request.status();
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i) == null || !status.type().values().contains(states.get(i))) {
        problems.bad("status[" + i + "]", "unknown status '" + states.get(i) + "'; use any of " + status.type().values());
      }
    }
    if (states.stream().allMatch(java.util.Objects::nonNull)) {
      bool.filter(terms("status", states));
    }
    view.principal().jurisdiction().ifPresent(j -> bool.filter(q -> q.term(t -> t.field(j.field()).value(j.code()))));

    List<SearchRequest.Filter> filters = request.filters() == null ? List.of() : request.filters();
    if (filters.size() > MAX_FILTERS) {
      problems.bad("filters", "at most " + MAX_FILTERS + " filters; combine values with op 'in'");
    } else {
      for (int i = 0; i < filters.size(); i++) {
        Query q = filter(filters.get(i), "filters[" + i + "]", view, countOnly, problems);
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
        Query q = tag(all.get(i), "tags_all[" + i + "]", view, countOnly, today, problems);
        if (q != null) {
          bool.filter(q);
        }
      }
      List<Query> anyOf = new ArrayList<>();
      for (int i = 0; i < any.size(); i++) {
        Query q = tag(any.get(i), "tags_any[" + i + "]", view, countOnly, today, problems);
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
      List<FieldDef> fields = textFields(request.textFields(), view, problems);
      if (text.length() > MAX_TEXT) {
        problems.bad("text", "at most " + MAX_TEXT + " characters");
      } else if (!fields.isEmpty()) {
        bool.filter(q -> q.bool(b -> {
          fields.forEach(f -> b.should(s -> s.matchPhrase(m -> m.field(f.key()).query(text))));
          return b.minimumShouldMatch("1");
        }));
      }
    } else if (request.textFields() != null && !request.textFields().isEmpty()) {
      problems.bad("text_fields", "text_fields goes with text");
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

  /**
   * The fields a text search covers: those asked for, or every searchable field she sees clear. A
   * phrase matched on a masked field would confirm its hidden part, so naming one is refused.
   */
  List<FieldDef> textFields(List<String> asked, CallerView view, Problems problems) {
    List<FieldDef> clear = schema.searchableFields().stream().filter(f -> view.clear(f.key())).toList();
    if (asked == null || asked.isEmpty()) {
      if (clear.isEmpty()) {
        problems.bad("text", "your role sees no text-searchable field in clear (" + keys(schema.searchableFields()) + "); search with filters instead");
      }
      return clear;
    }
    List<FieldDef> out = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      String key = asked.get(i);
      Optional<FieldDef> field = key == null ? Optional.empty() : schema.field(key);
      String path = "text_fields[" + i + "]";
      if (field.isEmpty() || !field.get().searchable()) {
        problems.bad(path, "'" + key + "' is not text-searchable; use any of " + keys(schema.searchableFields()));
      } else if (view.field(field.get()) == Treatment.masked) {
        problems.bad(path, masked(key, "text-searched"));
      } else if (!view.clear(key)) {
        problems.forbidden(path, notPermitted(field.get()));
      } else {
        out.add(field.get());
      }
    }
    return out;
  }

  private static String keys(List<FieldDef> fields) {
    return fields.stream().map(FieldDef::key).toList().toString();
  }

  /** Why a masked field cannot take part: the answers would reveal what the mask hides. */
  static String masked(String key, String how) {
    return "'" + key + "' is masked for your role, so it cannot be " + how + ": the answer would reveal the hidden part of the value";
  }

  /** The sort keys as (es field, descending) pairs; person_id is appended by the caller. */
  List<Map.Entry<String, Boolean>> sort(List<SearchRequest.Sort> sort, CallerView view, Problems problems) {
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
      Treatment treatment = view.field(field.get());
      if (treatment == Treatment.masked) {
        problems.bad(path + ".field", masked(field.get().key(), "sorted on"));
        continue;
      }
      if (treatment != Treatment.clear) {
        problems.forbidden(path + ".field", notPermitted(field.get()));
        continue;
      }
      if (field.get().key().equals("sources") && !view.allSourcesClear()) {
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

  /** The field a facet counts, checked: clear (or counted, in a count-only search) for the caller, never masked. */
  Optional<FieldDef> facetField(String key, String path, CallerView view, boolean countOnly, Problems problems) {
    if (IndexTemplate.TAG_ALL.equals(key)) {
      return Optional.empty();
    }
    Optional<FieldDef> field = filterableField(key, path, problems);
    if (field.isEmpty()) {
      return field;
    }
    Treatment treatment = view.field(field.get());
    if (treatment == Treatment.masked) {
      problems.bad(path, masked(key, "counted by (each bucket would show a clear value)"));
      return Optional.empty();
    }
    if (treatment == Treatment.hidden) {
      problems.forbidden(path, notPermitted(field.get()));
      return Optional.empty();
    }
    if (treatment == Treatment.counted && !countOnly) {
      problems.bad(path, counted(key));
      return Optional.empty();
    }
    problems.usesCounted |= treatment == Treatment.counted;
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

  private Query filter(SearchRequest.Filter f, String path, CallerView view, boolean countOnly, Problems problems) {
    if (f == null) {
      problems.bad(path, "a filter is {\"field\":…,\"op\":…,\"value\":…}");
      return null;
    }
    Optional<FieldDef> found = filterableField(f.field(), path + ".field", problems);
    if (found.isEmpty()) {
      return null;
    }
    FieldDef field = found.get();
    String op = f.op() == null ? "eq" : f.op();
    Treatment treatment = view.field(field);
    if (treatment == Treatment.hidden) {
      problems.forbidden(path + ".field", notPermitted(field));
      return null;
    }
    if (treatment == Treatment.masked && !op.equals("exists")) {
      problems.bad(path + ".op", masked(field.key(), "filtered with '" + op + "'") + "; only exists may be used on it");
      return null;
    }
    if (treatment == Treatment.counted && !countOnly) {
      problems.bad(path + ".field", counted(field.key()));
      return null;
    }
    problems.usesCounted |= treatment == Treatment.counted;
    if (field.key().equals("sources") && !sourcesPermitted(op, f.value(), view, countOnly, problems)) {
      problems.forbidden(path, "a source whose data you may not see cannot be searched for: its presence is itself the hidden fact; "
          + "use eq or in with sources you may see " + (countOnly ? view.countableSources() : view.clearSources()));
      return null;
    }
    FieldType.Kind kind = field.type().kind();
    Object value = f.value();
    String es = keywordField(field);
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

  private Query tag(String name, String path, CallerView view, boolean countOnly, LocalDate today, Problems problems) {
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
    Treatment treatment = view.tag(tag);
    if (treatment == Treatment.counted && !countOnly) {
      problems.bad(path, counted(tag.field()) + " (tag '" + name + "')");
      return null;
    }
    if (treatment != Treatment.clear && treatment != Treatment.counted) {
      problems.forbidden(path, "tag '" + name + "' belongs to '" + tag.field() + "', which your role may not see" + (tag.isRestricted() ? " (restricted: needs an explicit grant)" : ""));
      return null;
    }
    problems.usesCounted |= treatment == Treatment.counted;
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

  /**
   * eq / in with sources she may know of, or exists; a prefix of a hidden source would count its
   * people. Sources whose membership is only counted take part in count-only searches.
   */
  private boolean sourcesPermitted(String op, Object value, CallerView view, boolean countOnly, Problems problems) {
    if (op.equals("exists") || view.allSourcesClear()) {
      return true;
    }
    if (!op.equals("eq") && !op.equals("in")) {
      return false;
    }
    List<String> allowed = countOnly ? view.countableSources() : view.clearSources();
    for (Object v : value instanceof List<?> list ? list : java.util.Collections.singletonList(value)) {
      if (v != null && !allowed.contains(v.toString())) {
        return false;
      }
      problems.usesCounted |= v != null && view.source(v.toString()) == Treatment.counted;
    }
    return true;
  }

  /** Why a counted field cannot pick people: only how many. */
  static String counted(String key) {
    return "'" + key + "' is counted only for your role: use it in a count-only search (size 0) or as a facet, never to list people";
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
