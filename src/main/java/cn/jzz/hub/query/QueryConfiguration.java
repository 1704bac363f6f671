package cn.jzz.hub.query;

import cn.jzz.hub.config.HubProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

  @Bean
  ResidentSearchService residentSearchService(ElasticsearchClient client, HubProperties properties, Predicate<String> knownTargetField) {
    return new ResidentSearchService(client, properties.elasticsearch().alias(), knownTargetField, Clock.systemUTC());
  }
}
