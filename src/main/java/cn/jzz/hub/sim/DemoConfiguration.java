package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import java.sql.SQLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Only in the demo: the simulated departments, built before the hub starts reading them. */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

  @Bean
  DemoWorld demoWorld(
      HubProperties properties,
      @Value("${hub.demo.seed:42}") long seed,
      @Value("${hub.demo.residents:10000}") int residents)
      throws SQLException {
    DemoWorld world = new DemoWorld(properties.sources().postgres(), seed, residents);
    world.build();
    return world;
  }
}
