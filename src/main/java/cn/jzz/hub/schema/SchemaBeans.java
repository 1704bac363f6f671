package cn.jzz.hub.schema;

import cn.jzz.hub.index.ResidentIndexTemplate;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Interim wiring until schemas/resident.yaml drives the template and the field registry. */
@Configuration(proxyBeanMethods = false)
public class SchemaBeans {

  @Bean
  ResidentIndexTemplate residentIndexTemplate() {
    return () ->
        """
        {"index_patterns":["${index_pattern}"],
         "template":{"settings":{"number_of_shards":1,"number_of_replicas":0,"refresh_interval":"1s"},
          "mappings":{"dynamic":"true","properties":{
            "person_id":{"type":"keyword"},"status":{"type":"keyword"},"sources":{"type":"keyword"},
            "full_name":{"type":"text","analyzer":"standard","fields":{"keyword":{"type":"keyword"}}},
            "id_number":{"type":"keyword"},"sex":{"type":"keyword"},"birth_date":{"type":"date","format":"yyyy-MM-dd"},
            "provenance":{"type":"object","enabled":false},"conflicts":{"type":"object","enabled":false},
            "quality":{"type":"keyword"},"updated_at":{"type":"date"},"version":{"type":"long"}}}}}
        """;
  }

  @Bean
  Predicate<String> knownTargetField() {
    return key -> true;
  }
}
