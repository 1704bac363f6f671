package cn.jzz.hub.index;

import cn.jzz.hub.merge.MergeTopology;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes golden records to an index with {@code _bulk}, each at its state version as an external
 * version, so a replayed or reordered older record can never overwrite a newer one and a repeated one
 * changes nothing. A 200 answer can hide failed items: items refused for load (429, 5xx) are retried
 * with backoff, items refused for their content go to dead letters; the call returns when every item
 * is settled.
 */
final class BulkWriter {

  private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** One pending write: an index or a delete of a person at a version. */
  record Write(String personId, long version, String document) {
    boolean isDelete() {
      return document == null;
    }
  }

  private final RestClient client;
  private final DeadLetters deadLetters;
  private final Counter written;

  BulkWriter(RestClient client, DeadLetters deadLetters, Counter written) {
    this.client = client;
    this.deadLetters = deadLetters;
    this.written = written;
  }

  /** Only the newest record of each person in a batch needs writing. */
  static List<Write> coalesce(ConsumerRecords<String, String> records) {
    Map<String, Write> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      Header header = record.headers().lastHeader(MergeTopology.VERSION_HEADER);
      long version = header == null ? 0 : Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
      latest.merge(record.key(), new Write(record.key(), version, record.value()), (a, b) -> b.version() >= a.version() ? b : a);
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * Writes until every item is settled.
   *
   * @param keepGoing checked between retries; when it turns false the call gives up with {@link StoppedException}
   */
  void writeAll(String index, List<Write> writes, BooleanSupplier keepGoing) throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    List<Write> pending = writes;
    while (!pending.isEmpty()) {
      try {
        pending = bulk(index, pending);
      } catch (IOException e) {
        log.warn("index: Elasticsearch unavailable ({}), retrying {} writes in {} ms", e.getMessage(), pending.size(), backoff.toMillis());
      }
      if (!pending.isEmpty()) {
        if (!keepGoing.getAsBoolean()) {
          throw new StoppedException();
        }
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  /** Sends one bulk; returns the writes to try again. */
  private List<Write> bulk(String index, List<Write> writes) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Write w : writes) {
      String action = w.isDelete() ? "delete" : "index";
      body.append("{\"").append(action).append("\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(w.personId())
          .append("\",\"version\":").append(w.version()).append(",\"version_type\":\"external_gte\"}}\n");
      if (!w.isDelete()) {
        body.append(w.document()).append('\n');
      }
    }
    Request request = new Request("POST", "/_bulk");
    // Only what settles an item: the full answer repeats index, id, shards and seq_no for every item.
    request.addParameter("filter_path", "items.*.status,items.*.error");
    request.setEntity(new StringEntity(body.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
    JsonNode response = Json.MAPPER.readTree(client.performRequest(request).getEntity().getContent());
    List<Write> retry = new ArrayList<>();
    JsonNode items = response.path("items");
    for (int i = 0; i < writes.size(); i++) {
      JsonNode result = items.get(i).elements().next();
      int status = result.path("status").asInt();
      Write w = writes.get(i);
      if (status < 300 || status == 409 || (w.isDelete() && status == 404)) {
        // 409: a newer version is already there; 404: already deleted. Both are the desired end state.
        written.increment();
      } else if (status == 429 || status >= 500) {
        retry.add(w);
      } else {
        deadLetters.indexRejected(w.personId(), w.document(), result.path("error").toString());
      }
    }
    return retry;
  }

  /** The writer was asked to stop while Elasticsearch was refusing writes; nothing was committed. */
  static final class StoppedException extends RuntimeException {
    StoppedException() {
      super("stopped while Elasticsearch was unavailable", null, false, false);
    }
  }
}
