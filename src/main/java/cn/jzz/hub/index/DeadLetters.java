package cn.jzz.hub.index;

import cn.jzz.hub.normalize.QuarantinedRecord;
import cn.jzz.hub.support.Json;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Golden records Elasticsearch refused for their content; kept on {@code hub.quarantine} with stage and reason. */
public final class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final Producer<String, String> producer;
  private final String topic;

  public DeadLetters(Producer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  void indexRejected(String personId, String document, String error) {
    log.error("index.residents: Elasticsearch refused person {}: {}", personId, error);
    QuarantinedRecord record =
        new QuarantinedRecord("index", "residents", personId, Map.of("document", String.valueOf(document)), "INDEX_REJECTED", error, 0, null, Instant.now());
    producer.send(new ProducerRecord<>(topic, "index/" + personId, Json.write(record)));
    producer.flush();
  }
}
