package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds connector contexts for tests: a real or a mock Kafka producer, a temporary data directory. */
public final class ConnectorFixtures {

  public static final byte[] KEY = "connector-tests-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ConnectorFixtures() {}

  public static HubProperties properties(Path dataDir, String bootstrap, String namespace) {
    return new HubProperties(
        dataDir,
        Path.of("connectors"),
        Path.of("mappings"),
        new HubProperties.Elasticsearch("http://127.0.0.1:9200", "residents", null, null),
        new HubProperties.Kafka(bootstrap, namespace, namespace, 1, (short) 1),
        new HubProperties.Sources(
            new HubProperties.Postgres("127.0.0.1", 5432, "postgres", "postgres"), new HubProperties.Mariadb("127.0.0.1", 3306, "root", "")));
  }

  public static MockProducer<String, String> mockProducer() {
    return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
  }

  public static ConnectorContext context(HubProperties properties, Producer<String, String> producer, CamelContext camel, UnaryOperator<String> placeholders) {
    return new ConnectorContext(
        new RawEventPublisher(producer, properties.topics()), properties, camel, new RecordKeys(KEY), new SourceMonitors(), placeholders);
  }

  /** The raw events a mock producer was given, in order. */
  public static List<RawEvent> sent(MockProducer<String, String> producer) {
    return producer.history().stream().map(r -> Json.read(r.value(), RawEvent.class)).toList();
  }

  public static UnaryOperator<String> placeholders(Map<String, String> values) {
    return text -> {
      String result = text;
      for (Map.Entry<String, String> e : values.entrySet()) {
        result = result.replace("${" + e.getKey() + "}", e.getValue());
      }
      if (result.contains("${")) {
        throw new IllegalArgumentException("Could not resolve placeholder in " + text);
      }
      return result;
    };
  }
}
