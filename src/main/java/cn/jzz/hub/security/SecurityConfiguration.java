package cn.jzz.hub.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  UserDirectory userDirectory() {
    return new UserDirectory();
  }

  @Bean
  TokenService tokenService() {
    // Tokens live for an hour and die with the process: a restart signs everyone out, which is safe.
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new TokenService(key, Duration.ofHours(1), Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<AuthFilter> authFilter(TokenService tokens) {
    FilterRegistrationBean<AuthFilter> registration = new FilterRegistrationBean<>(new AuthFilter(tokens));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(10);
    return registration;
  }
}
