package cn.jzz.hub.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console is static files under {@code static/console/} served by the hub itself: {@code /}
 * and {@code /console} redirect to {@code /console/}, which serves its {@code index.html}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfiguration implements WebMvcConfigurer {

  /** Where the console lives. */
  public static final String PATH = "/console/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/", PATH);
    registry.addRedirectViewController("/console", PATH);
    registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
  }

  @Bean
  FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter() {
    FilterRegistrationBean<ConsoleHeadersFilter> registration = new FilterRegistrationBean<>(new ConsoleHeadersFilter());
    registration.addUrlPatterns("/console/*");
    registration.setOrder(5);
    return registration;
  }
}
