package cn.jzz.hub.security;

import cn.jzz.hub.api.BodyLimitFilter;
import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDictionary;
import cn.jzz.hub.support.ConfigProblems;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
// Boot's OAuth2ResourceServerProperties bound without its auto-configuration (see OidcTokens.decoder).
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
public class SecurityConfiguration {

  @Bean
  UserDirectory userDirectory(SecurityProperties properties, Environment env) {
    ProductionGuard.check(env, properties);
    UserDirectory users = new UserDirectory();
    ConfigProblems problems = new ConfigProblems("hub.security.users");
    for (int i = 0; i < properties.users().size(); i++) {
      SecurityProperties.User u = properties.users().get(i);
      String path = "hub.security.users[" + i + "]";
      if (u.username() == null || u.username().isBlank()) {
        problems.add(path + ".username", "missing");
        continue;
      }
      java.util.Optional<String> weak = PasswordHasher.weakness(u.passwordHash());
      if (weak.isPresent()) {
        problems.add(path + ".password-hash", weak.get() + "; make a hash with: java -cp <hub jar> cn.jzz.hub.security.PasswordHasher '<password>'");
        continue;
      }
      try {
        users.addHashed(Roles.principal(u.username(), u.role(), u.grants()), u.passwordHash());
      } catch (IllegalArgumentException e) {
        problems.add(path + ".role", e.getMessage());
      }
    }
    problems.throwIfAny();
    return users;
  }

  @Bean
  ApiKeys apiKeys(SecurityProperties properties) {
    ApiKeys keys = new ApiKeys();
    ConfigProblems problems = new ConfigProblems("hub.security.api-keys");
    for (int i = 0; i < properties.apiKeys().size(); i++) {
      SecurityProperties.ApiKey k = properties.apiKeys().get(i);
      String path = "hub.security.api-keys[" + i + "]";
      if (k.name() == null || k.name().isBlank()) {
        problems.add(path + ".name", "missing");
      }
      if (k.keyHash() == null || !k.keyHash().matches("[0-9a-fA-F]{64}")) {
        problems.add(path + ".key-hash", "must be the SHA-256 of the key as 64 hex digits (sha256sum)");
        continue;
      }
      try {
        String role = k.jurisdiction() == null || k.jurisdiction().isBlank() ? "system" : "system@" + k.jurisdiction();
        keys.add(k.keyHash(), Roles.principal(k.name(), role, k.scopes()).from(Principal.Origin.api_key));
      } catch (IllegalArgumentException e) {
        problems.add(path, e.getMessage());
      }
    }
    problems.throwIfAny();
    return keys;
  }

  @Bean
  TokenService tokenService(SecurityProperties properties) {
    byte[] key;
    if (properties.tokenKey() != null && !properties.tokenKey().isBlank()) {
      key = Base64.getDecoder().decode(properties.tokenKey());
      if (key.length < 32) {
        throw new IllegalStateException("hub.security.token-key must be base64 of at least 32 bytes (openssl rand -base64 32)");
      }
    } else {
      // A random key per process: tokens die with it, which is safe for a single instance.
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    return new TokenService(key, properties.tokenLifetime(), Clock.systemUTC());
  }

  @Bean
  AuditLog auditLog(ElasticsearchClient client, HubProperties hub) {
    AuditLog audit = new AuditLog(client, hub.elasticsearch().alias(), Clock.systemUTC());
    audit.ensure();
    return audit;
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(SecurityProperties properties) {
    FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxBodySize().toBytes()));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(5);
    return registration;
  }

  /** CORS stays off unless origins are listed: the console is served by the hub itself. */
  @Bean
  WebMvcConfigurer corsConfigurer(SecurityProperties properties) {
    return new WebMvcConfigurer() {
      @Override
      public void addCorsMappings(CorsRegistry registry) {
        if (!properties.corsAllowedOrigins().isEmpty()) {
          registry.addMapping("/api/**").allowedOrigins(properties.corsAllowedOrigins().toArray(String[]::new))
              .allowedMethods("GET", "POST", "PUT").allowedHeaders("Authorization", "Content-Type", "X-API-Key");
        }
      }
    };
  }
}
