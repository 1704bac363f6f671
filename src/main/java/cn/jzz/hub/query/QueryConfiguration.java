package cn.jzz.hub.query;

import cn.jzz.hub.config.HubProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

  @Bean
  ResidentSearchService residentSearchService(ElasticsearchClient client, HubProperties properties, ResidentSchema schema) {
    Predicate<String> knownTargetField = key -> key != null && schema.field(key).isPresent();
    List<String> textFields = schema.searchableFields().stream().map(FieldDef::key).toList();
    return new ResidentSearchService(client, properties.elasticsearch().alias(), knownTargetField, textFields, Clock.systemUTC());
  }
}
