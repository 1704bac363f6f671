package cn.jzz.hub.reconcile;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** Reads every document of the residents alias (after a refresh) with only the fields compared. */
final class IndexScan {

  private static final int PAGE = 2000;

  private final RestClient client;
  private final String alias;

  IndexScan(RestClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  long count() throws IOException {
    return read(client.performRequest(new Request("GET", "/" + alias + "/_count")).getEntity().getContent()).path("count").asLong();
  }

  void scan(List<String> fields, Consumer<PersonView> sink) throws IOException {
    client.performRequest(new Request("POST", "/" + alias + "/_refresh"));
    List<String> includes = new ArrayList<>(fields);
    includes.add("sources");
    includes.add("provenance");
    Request first = new Request("POST", "/" + alias + "/_search");
    first.addParameter("scroll", "2m");
    first.setEntity(json(Map.of("size", PAGE, "sort", List.of("_doc"), "_source", Map.of("includes", includes))));
    JsonNode page = read(client.performRequest(first).getEntity().getContent());
    String scrollId = page.path("_scroll_id").asText(null);
    try {
      while (page.path("hits").path("hits").size() > 0) {
        for (JsonNode hit : page.path("hits").path("hits")) {
          sink.accept(view(hit.path("_id").asText(), hit.path("_source"), fields));
        }
        Request next = new Request("POST", "/_search/scroll");
        next.setEntity(json(Map.of("scroll", "2m", "scroll_id", scrollId)));
        page = read(client.performRequest(next).getEntity().getContent());
        scrollId = page.path("_scroll_id").asText(scrollId);
      }
    } finally {
      if (scrollId != null) {
        Request clear = new Request("DELETE", "/_search/scroll");
        clear.setEntity(json(Map.of("scroll_id", scrollId)));
        try {
          client.performRequest(clear);
        } catch (ResponseException ignored) {
          // an expired scroll is gone already
        }
      }
    }
  }

  private static PersonView view(String personId, JsonNode source, List<String> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : fields) {
      JsonNode v = source.get(field);
      if (v != null && !v.isNull()) {
        values.put(field, Json.MAPPER.convertValue(v, Object.class));
      }
    }
    Set<String> sources = new TreeSet<>();
    source.path("sources").forEach(s -> sources.add(s.asText()));
    // the record each shown value came from: lets a re-sync withdraw records the sources no longer hold
    Set<String> slots = new TreeSet<>();
    source.path("provenance").forEach(p -> {
      if (p.has("source") && p.has("record_key")) {
        slots.add(p.path("source").asText() + "/" + p.path("record_key").asText());
      }
    });
    return new PersonView(personId, values, sources, slots);
  }

  private static StringEntity json(Object body) {
    return new StringEntity(Json.write(body), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8));
  }

  private static JsonNode read(InputStream in) throws IOException {
    try (in) {
      return Json.MAPPER.readTree(in);
    }
  }
}
