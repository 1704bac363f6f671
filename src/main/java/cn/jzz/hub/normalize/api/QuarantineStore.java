package cn.jzz.hub.normalize.api;

import cn.jzz.hub.normalize.QuarantinedRecord;
import cn.jzz.hub.support.Json;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quarantined records in the Elasticsearch index {@code <alias>-quarantine}, one document per
 * {@link QuarantinedRecord#id()} (so storing a record twice keeps one). The raw row and event are
 * stored but not indexed: nobody can search by an ID number, and the mapping stays small.
 */
public final class QuarantineStore {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ElasticsearchClient client;
  private final String index;
  private volatile boolean ready;

  public QuarantineStore(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  public String index() {
    return index;
  }

  /** A page of the store, newest first. */
  public record Page(long total, List<Map<String, Object>> items) {}

  void ensureIndex() throws IOException {
    if (ready) {
      return;
    }
    if (!client.indices().exists(e -> e.index(index)).value()) {
      try {
        client.indices().create(c -> c.index(index)
            .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
                .properties("id", p -> p.keyword(k -> k))
                .properties("source", p -> p.keyword(k -> k))
                .properties("entity", p -> p.keyword(k -> k))
                .properties("record_key", p -> p.keyword(k -> k))
                .properties("reason", p -> p.keyword(k -> k))
                .properties("message", p -> p.text(t -> t))
                .properties("mapping_version", p -> p.integer(i -> i))
                .properties("source_time", p -> p.date(d -> d))
                .properties("quarantined_at", p -> p.date(d -> d))
                .properties("raw", p -> p.object(o -> o.enabled(false)))
                .properties("event", p -> p.object(o -> o.enabled(false)))));
      } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw e;
        }
      }
    }
    ready = true;
  }

  /** Stores the records; returns only when Elasticsearch accepted every one of them. */
  public void store(List<QuarantinedRecord> records) throws IOException {
    if (records.isEmpty()) {
      return;
    }
    ensureIndex();
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (QuarantinedRecord record : records) {
      Map<String, Object> doc = document(record);
      bulk.operations(op -> op.index(i -> i.index(index).id(record.id()).document(doc)));
    }
    BulkResponse response = client.bulk(bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor).build());
    if (response.errors()) {
      String first = response.items().stream().filter(i -> i.error() != null).map(i -> i.error().type() + ": " + i.error().reason()).findFirst().orElse("?");
      throw new IOException("Elasticsearch refused quarantined records: " + first);
    }
  }

  static Map<String, Object> document(QuarantinedRecord record) {
    Map<String, Object> doc = Json.MAPPER.convertValue(record, MAP);
    // Snake case in the index, as the API answers.
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    doc.forEach((k, v) -> out.put(k.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }

  public Page search(String source, String reason, int page, int size) throws IOException {
    ensureIndex();
    List<Query> filters = new ArrayList<>();
    if (source != null && !source.isBlank()) {
      filters.add(Query.of(q -> q.term(t -> t.field("source").value(source))));
    }
    if (reason != null && !reason.isBlank()) {
      filters.add(Query.of(q -> q.term(t -> t.field("reason").value(reason))));
    }
    SearchResponse<Map> response = client.search(s -> s.index(index)
        .query(q -> q.bool(b -> b.filter(filters)))
        .from((page - 1) * size).size(size).trackTotalHits(t -> t.enabled(true))
        .sort(o -> o.field(f -> f.field("quarantined_at").order(SortOrder.Desc))), Map.class);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = hit.source();
      items.add(doc);
    }
    return new Page(response.hits().total() == null ? items.size() : response.hits().total().value(), items);
  }

  public Optional<Map<String, Object>> get(String id) throws IOException {
    ensureIndex();
    var response = client.get(g -> g.index(index).id(id), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = response.found() ? response.source() : null;
    return Optional.ofNullable(doc);
  }

  static <T> T unchecked(IoCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  interface IoCall<T> {
    T run() throws IOException;
  }
}
