package cn.jzz.hub.identity;

import cn.jzz.hub.schema.SchemaProperties;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ID-number validation and person-id beans; refuses to start without a person-id key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, SchemaProperties.class})
public class IdentityConfiguration {

  /** Departmental dates are local Jining dates, so "today" is taken in this zone. */
  public static final ZoneId HUB_ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  public AreaCodes areaCodes(SchemaProperties schema) {
    try {
      return AreaCodes.load(schema.schemasDir().resolve("divisions"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot load the area codes for ID validation from hub.schemas-dir="
          + schema.schemasDir().toAbsolutePath() + "/divisions: " + e.getMessage()
          + "; start the hub from the repository root or set hub.schemas-dir (HUB_SCHEMAS_DIR)", e);
    }
  }

  @Bean
  public IdNumbers idNumbers(AreaCodes areaCodes, ObjectProvider<Clock> clock) {
    return new IdNumbers(areaCodes, clock.getIfAvailable(() -> Clock.system(HUB_ZONE)));
  }

  @Bean
  public PersonIds personIds(IdentityProperties properties) {
    return new PersonIds(IdentityKeys.resolve(properties));
  }
}
