package cn.jzz.hub.normalize;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import cn.jzz.hub.schema.ResidentSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NormalizeConfiguration {

  @Bean
  MappingRegistry mappingRegistry(HubProperties properties, ResidentSchema schema) {
    MappingRegistry registry = new MappingRegistry(new MappingCompiler(key -> schema.field(key).isPresent()));
    registry.loadAll(properties.mappingsDir());
    return registry;
  }

  @Bean
  Normalizer normalizer(MappingRegistry mappings, IdNumbers idNumbers, PersonIds personIds) {
    return new Normalizer(mappings, idNumbers, personIds);
  }
}
