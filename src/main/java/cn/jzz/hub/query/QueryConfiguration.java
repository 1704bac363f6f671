package cn.jzz.hub.query;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.SchemaProperties;
import cn.jzz.hub.schema.TagDictionary;
import cn.jzz.hub.security.AuditLog;
import cn.jzz.hub.security.FieldProtection;
import cn.jzz.hub.security.RateLimiter;
import cn.jzz.hub.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

  @Bean
  ResidentQueryBuilder residentQueryBuilder(ResidentSchema schema, TagDictionary tags) {
    return new ResidentQueryBuilder(schema, tags);
  }

  @Bean
  FacetLabels facetLabels(ResidentSchema schema, SchemaProperties schemas) {
    return new FacetLabels(schema, schemas.schemasDir());
  }

  @Bean
  ResidentSearchService residentSearchService(
      ElasticsearchClient client,
      HubProperties properties,
      ResidentSchema schema,
      ResidentQueryBuilder queries,
      FieldProtection protection,
      FacetLabels labels,
      AuditLog audit,
      IdNumbers idNumbers,
      PersonIds personIds,
      SecurityProperties security) {
    RateLimiter lookups = new RateLimiter(security.lookupsPerMinute(), java.time.Duration.ofMinutes(1));
    return new ResidentSearchService(client, properties.elasticsearch().alias(), schema, queries, protection, labels, audit, idNumbers, personIds, lookups, Clock.systemUTC());
  }
}
