package cn.jzz.hub.normalize;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NormalizeConfiguration {

  @Bean
  MappingRegistry mappingRegistry(HubProperties properties, Predicate<String> knownTargetField) {
    MappingRegistry registry = new MappingRegistry(new MappingCompiler(knownTargetField));
    registry.loadAll(properties.mappingsDir());
    return registry;
  }

  @Bean
  Normalizer normalizer(MappingRegistry mappings, IdNumbers idNumbers, PersonIds personIds) {
    return new Normalizer(mappings, idNumbers, personIds);
  }
}
