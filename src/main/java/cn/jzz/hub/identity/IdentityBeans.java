package cn.jzz.hub.identity;

import cn.jzz.hub.config.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Interim: the schema branch brings the full identity configuration. */
@Configuration(proxyBeanMethods = false)
public class IdentityBeans {

  @Bean
  IdNumbers idNumbers() {
    return new IdNumbers();
  }

  @Bean
  PersonIds personIds(HubProperties properties) throws IOException {
    Path file = properties.stateDir().resolve("person-id.key");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.write(file, key);
    }
    try {
      return new PersonIds(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
