package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

  @Bean
  ConnectorCatalog connectorCatalog(List<ConnectorType<?>> types) {
    return new ConnectorCatalog(types);
  }

  @Bean(destroyMethod = "close")
  RawEventPublisher rawEventPublisher(HubProperties properties) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
            ProducerConfig.CLIENT_ID_CONFIG, properties.kafka().applicationId() + "-raw");
    return new RawEventPublisher(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()), properties.topics());
  }

  @Bean
  @ConditionalOnProperty(name = "hub.ingest.enabled", havingValue = "true", matchIfMissing = true)
  ConnectorManager connectorManager(ConnectorCatalog catalog, HubProperties properties, RawEventPublisher publisher) {
    return new ConnectorManager(catalog, properties, publisher);
  }
}
