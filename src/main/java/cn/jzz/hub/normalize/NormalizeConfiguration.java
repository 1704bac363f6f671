package cn.jzz.hub.normalize;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.SchemaProperties;
import cn.jzz.hub.schema.TagDictionary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NormalizeConfiguration {

  @Bean
  MappingContext mappingContext(HubProperties properties, SchemaProperties schemas, ResidentSchema schema, TagDictionary tags, IdNumbers idNumbers) {
    return new MappingContext(schema, tags, Communities.load(schemas.schemasDir()), idNumbers, MappingContext.connectorTypes(properties.connectorsDir()));
  }

  @Bean
  MappingRegistry mappingRegistry(HubProperties properties, MappingContext context) {
    MappingRegistry registry = new MappingRegistry(new MappingCompiler(context), new MappingStore(properties.stateDir().resolve("mappings")));
    registry.loadAll(properties.mappingsDir());
    return registry;
  }

  @Bean
  Normalizer normalizer(MappingRegistry mappings, PersonIds personIds) {
    return new Normalizer(mappings, personIds);
  }
}
