package cn.jzz.hub.normalize.api;

import cn.jzz.hub.config.HubProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NormalizeApiConfiguration {

  @Bean
  RawReplayer rawReplayer(HubProperties properties) {
    return new RawReplayer(properties);
  }

  @Bean
  QuarantineStore quarantineStore(ElasticsearchClient client, HubProperties properties) {
    return new QuarantineStore(client, properties.elasticsearch().alias() + "-quarantine");
  }

  @Bean
  QuarantineIndexer quarantineIndexer(HubProperties properties, QuarantineStore store) {
    return new QuarantineIndexer(properties, store);
  }
}
