package cn.jzz.hub.merge;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.normalize.Normalizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MergeConfiguration {

  @Bean
  GoldenRecordBuilder goldenRecordBuilder() {
    return new GoldenRecordBuilder(GoldenRecordBuilder.Survivorship.latestWins(), Clock.systemUTC());
  }

  @Bean
  StreamsPipeline streamsPipeline(HubProperties properties, Normalizer normalizer, GoldenRecordBuilder golden, MeterRegistry meters) {
    return new StreamsPipeline(properties, normalizer, golden, meters);
  }
}
