package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.PersonalNumbers;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail in {@code <alias>-audit}: every entry is a new document with an id the
 * cluster generates, so nothing is ever overwritten; this class has no update or delete. The index has
 * its own template (higher priority than the residents' {@code <alias>-*}) with a strict mapping.
 */
public final class AuditLog {

  /** Request attribute set once a request's read was audited, so the filter does not add a second entry. */
  public static final String AUDITED = AuditLog.class.getName() + ".audited";

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final ElasticsearchClient client;
  private final String index;
  private final Clock clock;

  public AuditLog(ElasticsearchClient client, String residentsAlias, Clock clock) {
    this.client = client;
    this.index = residentsAlias + "-audit";
    this.clock = clock;
  }

  public String index() {
    return index;
  }

  /** Puts the audit template and creates the index if missing. */
  public void ensure() {
    String template =
        """
        {"index_patterns":["%s*"],"priority":500,
         "template":{"settings":{"index":{"auto_expand_replicas":"0-1"}},
          "mappings":{"dynamic":"strict","properties":{
            "at":{"type":"date"},"user":{"type":"keyword"},"role":{"type":"keyword"},"scope":{"type":"keyword"},
            "action":{"type":"keyword"},"outcome":{"type":"keyword"},"status":{"type":"integer"},
            "query":{"type":"object","enabled":false},"query_text":{"type":"text","analyzer":"standard"},
            "person_id":{"type":"keyword"},"rows":{"type":"long"},"purpose":{"type":"text","analyzer":"standard"},
            "export_id":{"type":"keyword"},"client":{"type":"keyword"},"detail":{"type":"text","analyzer":"standard"}}}}}
        """
            .formatted(index);
    try {
      client.indices().putIndexTemplate(t -> t.name(index + "-template").withJson(new StringReader(template)));
      if (!client.indices().exists(e -> e.index(index)).value()) {
        try {
          client.indices().create(c -> c.index(index));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
          if (!"resource_already_exists_exception".equals(e.error().type())) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the audit index " + index + " at Elasticsearch: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one entry for {@code principal} (null for an unauthenticated attempt). A read whose audit
   * entry cannot be written is not answered: the caller gets 503.
   */
  public void record(Principal principal, AuditEvent event) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("at", Instant.now(clock).toString());
    doc.put("user", principal == null ? null : principal.username());
    doc.put("role", principal == null ? null : principal.role().name());
    doc.put("scope", principal == null ? null : principal.scope());
    doc.put("action", event.action());
    doc.put("outcome", event.outcome());
    doc.put("status", event.status());
    // What a caller typed may hold an ID or phone number (text, purpose): the audit keeps it cut.
    if (event.query() != null && !event.query().isEmpty()) {
      Object query = PersonalNumbers.scrubAll(event.query());
      doc.put("query", query);
      doc.put("query_text", Json.write(query));
    }
    doc.put("person_id", event.personId());
    doc.put("rows", event.rows());
    doc.put("purpose", PersonalNumbers.scrub(event.purpose()));
    doc.put("export_id", event.exportId());
    doc.put("detail", PersonalNumbers.scrub(event.detail()));
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      doc.put("client", servlet.getRequest().getRemoteAddr());
      servlet.getRequest().setAttribute(AUDITED, Boolean.TRUE);
    }
    doc.values().removeIf(java.util.Objects::isNull);
    try {
      // No id: the cluster generates one, which is always a create, never an overwrite.
      client.index(i -> i.index(index).document(doc));
    } catch (IOException | RuntimeException e) {
      log.error("audit entry for {} by {} could not be written: {}", event.action(), principal == null ? "-" : principal.username(), e.getMessage());
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "AUDIT_UNAVAILABLE", "the audit trail cannot be written, so the request is refused; try again later");
    }
  }

  /** Filters of {@code GET /api/v1/audit}. */
  public record Filter(String user, String action, String outcome, String personId, Instant from, Instant to, int page, int size) {}

  /** Entries newest first, with the total. */
  public Map<String, Object> search(Filter filter) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    term(bool, "user", filter.user());
    term(bool, "action", filter.action());
    term(bool, "outcome", filter.outcome());
    term(bool, "person_id", filter.personId());
    if (filter.from() != null || filter.to() != null) {
      bool.filter(q -> q.range(r -> r.date(d -> {
        d.field("at");
        if (filter.from() != null) {
          d.gte(filter.from().toString());
        }
        if (filter.to() != null) {
          d.lt(filter.to().toString());
        }
        return d;
      })));
    }
    Query query = bool.build()._toQuery();
    try {
      client.indices().refresh(r -> r.index(index));
      SearchResponse<Map> response =
          client.search(
              s -> s.index(index).query(query).from((filter.page() - 1) * filter.size()).size(filter.size()).trackTotalHits(t -> t.enabled(true))
                  .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
              Map.class);
      List<Object> items = new ArrayList<>();
      for (Hit<Map> hit : response.hits().hits()) {
        // Entries written before numbers were cut at write time are cut on the way out.
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) PersonalNumbers.scrubAll(hit.source());
        entry.remove("query_text");
        entry.put("id", hit.id());
        items.add(entry);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("total", response.hits().total() == null ? items.size() : response.hits().total().value());
      out.put("page", filter.page());
      out.put("size", filter.size());
      out.put("items", items);
      return out;
    } catch (IOException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE", "Elasticsearch did not answer; try again later");
    }
  }

  private static void term(BoolQuery.Builder bool, String field, String value) {
    if (value != null && !value.isBlank()) {
      bool.filter(q -> q.term(t -> t.field(field).value(value)));
    }
  }
}
