package cn.jzz.hub.index;

import cn.jzz.hub.merge.MergeTopology;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stage {@code index}: golden records from {@code hub.residents} into Elasticsearch with bulk writes.
 *
 * <p>Each document carries the person's state version as an external version, so a replayed or
 * reordered older record can never overwrite a newer one, and a repeated one changes nothing. Kafka
 * offsets are committed only after every item of the bulk is settled; items Elasticsearch refuses for
 * load (429, 5xx) are retried with backoff, items it refuses for their content go to dead letters.
 */
public final class ResidentIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ResidentIndexer.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Consumer<String, String> consumer;
  private final String topic;
  private final RestClient client;
  private final String alias;
  private final DeadLetters deadLetters;
  private final Counter written;
  private volatile boolean running;
  private Thread worker;

  public ResidentIndexer(Consumer<String, String> consumer, String topic, RestClient client, String alias, DeadLetters deadLetters, MeterRegistry meters) {
    this.consumer = consumer;
    this.topic = topic;
    this.client = client;
    this.alias = alias;
    this.deadLetters = deadLetters;
    this.written = meters.counter("hub.index.writes");
  }

  /** One pending write: an index or a delete of a person at a version. */
  record Write(String personId, long version, String document) {
    boolean isDelete() {
      return document == null;
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    worker = new Thread(this::run, "index.residents");
    worker.start();
  }

  private void run() {
    consumer.subscribe(List.of(topic));
    try {
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) {
          continue;
        }
        writeWithRetry(coalesce(records));
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      // shutting down
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Only the newest record of each person in a batch needs writing. */
  static List<Write> coalesce(ConsumerRecords<String, String> records) {
    Map<String, Write> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      Header header = record.headers().lastHeader(MergeTopology.VERSION_HEADER);
      long version = header == null ? 0 : Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
      Write write = new Write(record.key(), version, record.value());
      latest.merge(record.key(), write, (a, b) -> b.version() >= a.version() ? b : a);
    }
    return new ArrayList<>(latest.values());
  }

  private void writeWithRetry(List<Write> writes) throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    List<Write> pending = writes;
    while (!pending.isEmpty()) {
      try {
        pending = bulk(pending);
      } catch (IOException e) {
        log.warn("index.residents: Elasticsearch unavailable ({}), retrying {} writes in {} ms", e.getMessage(), pending.size(), backoff.toMillis());
      }
      if (!pending.isEmpty()) {
        if (!running) {
          throw new WakeupException();
        }
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  /** Sends one bulk; returns the writes to try again. */
  private List<Write> bulk(List<Write> writes) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Write w : writes) {
      String action = w.isDelete() ? "delete" : "index";
      body.append("{\"").append(action).append("\":{\"_index\":\"").append(alias).append("\",\"_id\":\"").append(w.personId())
          .append("\",\"version\":").append(w.version()).append(",\"version_type\":\"external_gte\"}}\n");
      if (!w.isDelete()) {
        body.append(w.document()).append('\n');
      }
    }
    Request request = new Request("POST", "/_bulk");
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

  @Override
  public synchronized void stop() {
    running = false;
    consumer.wakeup();
    if (worker != null) {
      try {
        worker.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
