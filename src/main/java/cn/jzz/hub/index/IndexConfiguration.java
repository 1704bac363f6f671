package cn.jzz.hub.index;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IndexConfiguration {

  static final Duration MAX_REFRESH_MIN_GAP = Duration.ofSeconds(30);

  @Bean
  ResidentIndex residentIndex(RestClient client, HubProperties properties, ResidentSchema schema) {
    ResidentIndex index = new ResidentIndex(client, properties, IndexTemplate.tree(schema));
    index.ensure();
    return index;
  }

  @Bean
  BulkWriter bulkWriter(HubProperties properties, RestClient client, MeterRegistry meters) {
    Map<String, Object> producer =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    DeadLetters deadLetters = new DeadLetters(new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer()), properties.topics().quarantine());
    return new BulkWriter(client, deadLetters, meters.counter("hub.index.writes"));
  }

  /**
   * @param refreshMinGap {@code hub.index.refresh-min-gap}: the fastest the indexer refreshes on its own
   *     once caught up. Shorter makes changes searchable sooner; every refresh makes Elasticsearch open a
   *     segment and rebuild what facet searches need, so under continuous change it costs search latency.
   */
  @Bean
  ResidentIndexer residentIndexer(
      HubProperties properties, ResidentIndex index, BulkWriter writer, @Value("${hub.index.refresh-min-gap:1s}") Duration refreshMinGap) {
    if (refreshMinGap.isNegative() || refreshMinGap.compareTo(MAX_REFRESH_MIN_GAP) > 0) {
      throw new IllegalStateException("hub.index.refresh-min-gap is " + refreshMinGap + "; set it between 0ms and 30s (e.g. 100ms, 500ms; env HUB_INDEX_REFRESH_MIN_GAP)");
    }
    CaughtUpRefresh refresh = new CaughtUpRefresh(index::refresh, refreshMinGap.toMillis(), System::nanoTime);
    return new ResidentIndexer(consumer(properties, properties.kafka().applicationId() + "-indexer"), properties.topics().residents(), index.alias(), writer, refresh);
  }

  @Bean
  IndexRebuild indexRebuild(HubProperties properties, RestClient client, ResidentIndex index, BulkWriter writer) {
    return new IndexRebuild(
        client, index, properties.topics().residents(), () -> consumer(properties, properties.kafka().applicationId() + "-rebuild-" + System.currentTimeMillis()), writer);
  }

  private static KafkaConsumer<String, String> consumer(HubProperties properties, String group) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
