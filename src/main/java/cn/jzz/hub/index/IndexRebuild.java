package cn.jzz.hub.index;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full rebuild of the residents index with no downtime: a new versioned index is filled from the
 * compacted {@code hub.residents} topic while readers and the live indexer keep using the old one, then
 * the alias moves to the new index in one atomic step, and the rebuild drains what the live indexer
 * wrote to the old index meanwhile. Used after a template change (a new field, another analyzer).
 */
public final class IndexRebuild {

  private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

  /** What a rebuild is doing, for {@code GET /api/v1/index/rebuild}. */
  public record Status(String state, String fromIndex, String toIndex, long written, Instant startedAt, Instant finishedAt, String error) {}

  private final RestClient client;
  private final ResidentIndex index;
  private final String topic;
  private final Supplier<Consumer<String, String>> consumers;
  private final BulkWriter writer;
  private final AtomicLong written = new AtomicLong();
  private volatile Status status = new Status("idle", null, null, 0, null, null, null);

  IndexRebuild(RestClient client, ResidentIndex index, String topic, Supplier<Consumer<String, String>> consumers, BulkWriter writer) {
    this.client = client;
    this.index = index;
    this.topic = topic;
    this.consumers = consumers;
    this.writer = writer;
  }

  public Status status() {
    return new Status(status.state(), status.fromIndex(), status.toIndex(), written.get(), status.startedAt(), status.finishedAt(), status.error());
  }

  /** Starts a rebuild in the background; false if one is already running. */
  public synchronized boolean start() {
    if ("running".equals(status.state())) {
      return false;
    }
    written.set(0);
    status = new Status("running", null, null, 0, Instant.now(), null, null);
    Thread thread = new Thread(this::run, "index.rebuild");
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  private void run() {
    try {
      String from = currentIndex();
      String to = index.alias() + "-v" + (versionOf(from) + 1);
      status = new Status("running", from, to, 0, status.startedAt(), null, null);
      put("/" + to, "{}");
      try (Consumer<String, String> consumer = consumers.get()) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        copyUntil(consumer, to, consumer.endOffsets(partitions));
        swapAlias(from, to);
        // The live indexer wrote to the old index until the swap; take those records too.
        copyUntil(consumer, to, consumer.endOffsets(partitions));
      }
      client.performRequest(new Request("DELETE", "/" + from));
      status = new Status("done", from, to, written.get(), status.startedAt(), Instant.now(), null);
      log.info("index.rebuild: {} replaces {} ({} records)", to, from, written.get());
    } catch (Exception e) {
      log.error("index.rebuild failed: {}", e.getMessage(), e);
      status = new Status("failed", status.fromIndex(), status.toIndex(), written.get(), status.startedAt(), Instant.now(), e.getMessage());
    }
  }

  private void copyUntil(Consumer<String, String> consumer, String target, Map<TopicPartition, Long> end) throws InterruptedException {
    while (!caughtUp(consumer, end)) {
      ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
      if (!records.isEmpty()) {
        List<BulkWriter.Write> writes = BulkWriter.coalesce(records);
        writer.writeAll(target, writes, () -> true);
        written.addAndGet(writes.size());
      }
    }
  }

  private static boolean caughtUp(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void swapAlias(String from, String to) throws IOException {
    String alias = index.alias();
    put(
        "/_aliases",
        "{\"actions\":[{\"remove\":{\"index\":\"" + from + "\",\"alias\":\"" + alias + "\"}},"
            + "{\"add\":{\"index\":\"" + to + "\",\"alias\":\"" + alias + "\",\"is_write_index\":true}}]}",
        "POST");
  }

  private String currentIndex() throws IOException {
    JsonNode aliases = Json.MAPPER.readTree(client.performRequest(new Request("GET", "/_alias/" + index.alias())).getEntity().getContent());
    Iterator<String> names = aliases.fieldNames();
    if (!names.hasNext()) {
      throw new IllegalStateException("alias " + index.alias() + " points at no index");
    }
    return names.next();
  }

  static int versionOf(String indexName) {
    int dash = indexName.lastIndexOf("-v");
    try {
      return dash < 0 ? 0 : Integer.parseInt(indexName.substring(dash + 2));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void put(String path, String json) throws IOException {
    put(path, json, "PUT");
  }

  private void put(String path, String json, String method) throws IOException {
    Request request = new Request(method, path);
    request.setJsonEntity(json);
    client.performRequest(request);
  }
}
