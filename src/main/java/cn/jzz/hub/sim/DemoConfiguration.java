package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.schema.SchemaProperties;
import cn.jzz.hub.sim.api.IshandongApiSimulator;
import cn.jzz.hub.sim.api.WjwApiSimulator;
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

  /** 卫健委's API, serving the world's health records with its real token auth, paging and 503s. */
  @Bean(destroyMethod = "close")
  WjwApiSimulator wjwApi(
      DemoWorld world,
      @Value("${hub.demo.wjw-port:18081}") int port,
      @Value("${hub.sources.wjw.client-id:jzz-hub}") String clientId,
      @Value("${hub.sources.wjw.client-secret}") String secret,
      @Value("${hub.demo.seed:42}") long seed) {
    WjwApiSimulator api = new WjwApiSimulator(port, clientId, secret, seed);
    api.dataset(world.apiRecords("wjw", "health-records"));
    return api.start();
  }

  /** The 爱山东 gateway, with HMAC-signed requests, page paging and its rate limit. */
  @Bean(destroyMethod = "close")
  IshandongApiSimulator ishandongApi(
      DemoWorld world,
      @Value("${hub.demo.ishandong-port:18082}") int port,
      @Value("${hub.sources.ishandong.client-id:jzz-hub}") String clientId,
      @Value("${hub.sources.ishandong.client-secret}") String secret) {
    IshandongApiSimulator api = new IshandongApiSimulator(port, clientId, secret);
    for (String resource : new String[] {"jmzzsb", "swxx", "ylbx"}) {
      api.dataset(resource, world.apiRecords("ishandong", resource));
    }
    return api.start();
  }
}
