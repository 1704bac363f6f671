package cn.jzz.hub.merge;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.normalize.Normalizer;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDictionary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MergeConfiguration {

  @Bean
  GoldenRecordBuilder goldenRecordBuilder(ResidentSchema schema, TagDictionary tags, IdNumbers idNumbers) {
    return new GoldenRecordBuilder(schema, tags, idNumbers, Clock.systemUTC());
  }

  @Bean
  StreamsPipeline streamsPipeline(HubProperties properties, Normalizer normalizer, GoldenRecordBuilder golden, MeterRegistry meters) {
    return new StreamsPipeline(properties, normalizer, golden, meters);
  }
}
