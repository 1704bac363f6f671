package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdentityKeys;
import cn.jzz.hub.identity.IdentityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
  SourceMonitors sourceMonitors(ObjectProvider<MeterRegistry> meters) {
    return new SourceMonitors(meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
  }

  /** Record keys use the person-id key: one secret to guard, and keys stay stable with it. */
  @Bean
  RecordKeys recordKeys(IdentityProperties identity) {
    return new RecordKeys(IdentityKeys.resolve(identity));
  }

  @Bean
  ConnectorContext connectorContext(
      RawEventPublisher publisher, HubProperties properties, CamelContext camel, RecordKeys keys, SourceMonitors monitors, Environment environment) {
    return new ConnectorContext(publisher, properties, camel, keys, monitors, environment::resolveRequiredPlaceholders);
  }

  @Bean
  @ConditionalOnProperty(name = "hub.ingest.enabled", havingValue = "true", matchIfMissing = true)
  ConnectorManager connectorManager(ConnectorCatalog catalog, HubProperties properties, IngestProperties ingest, ConnectorContext context) {
    return new ConnectorManager(catalog, properties, ingest, context);
  }
}
