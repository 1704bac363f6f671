package cn.jzz.hub.ops;

import cn.jzz.hub.config.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

  /** Runs while the context is built, so topics exist before any stage starts. */
  @Bean(initMethod = "ensure")
  KafkaTopics kafkaTopics(HubProperties properties) {
    return new KafkaTopics(properties);
  }

  @Bean
  HeapAfterGc heapAfterGc() {
    return new HeapAfterGc();
  }
}
