package cn.jzz.hub.index;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.schema.IndexTemplate;
import cn.jzz.hub.schema.ResidentSchema;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IndexConfiguration {

  @Bean
  ResidentIndex residentIndex(RestClient client, HubProperties properties, ResidentSchema schema) {
    ResidentIndex index = new ResidentIndex(client, properties, IndexTemplate.tree(schema));
    index.ensure();
    return index;
  }

  @Bean
  ResidentIndexer residentIndexer(HubProperties properties, RestClient client, ResidentIndex index, MeterRegistry meters) {
    Map<String, Object> consumer =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, properties.kafka().applicationId() + "-indexer",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    Map<String, Object> producer =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
    return new ResidentIndexer(
        new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
        properties.topics().residents(),
        client,
        index.alias(),
        new DeadLetters(new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer()), properties.topics().quarantine()),
        meters);
  }
}
