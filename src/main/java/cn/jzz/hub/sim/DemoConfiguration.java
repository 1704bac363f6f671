package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.schema.SchemaProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Only in the demo: the simulated departments, built before the hub starts reading them.
 * {@code hub.demo.seed}, {@code hub.demo.residents}, {@code hub.demo.inbox} (default
 * {@code <hub.data-dir>/inbox}) choose the world.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

  @Bean
  DemoWorld demoWorld(
      HubProperties properties,
      SchemaProperties schema,
      @Value("${hub.demo.seed:42}") long seed,
      @Value("${hub.demo.residents:10000}") int residents,
      @Value("${hub.demo.inbox:}") String inbox)
      throws SQLException, IOException {
    Path inboxDir = inbox.isBlank() ? properties.dataDir().resolve("inbox") : Path.of(inbox);
    DemoWorld.Settings settings =
        new DemoWorld.Settings(seed, residents, LocalDate.now(DemoWorld.LOCAL), schema.schemasDir(), inboxDir, Dirt.defaults(), "", 3);
    DemoWorld world = new DemoWorld(properties.sources().postgres(), properties.sources().mariadb(), settings);
    world.build(System.out::println);
    return world;
  }
}
