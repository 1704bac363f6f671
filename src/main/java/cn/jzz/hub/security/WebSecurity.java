package cn.jzz.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * Spring Security's filter chain in front of every request. Its request firewall rejects encoded
 * slashes, dots, semicolons and other ambiguous paths (400), and its matchers decide on the decoded,
 * normalised path the router itself uses, so an encoded variant of a path gets the same answer as the
 * path. Public: the token endpoint, health, the API description, the console's static files and
 * /error; actuator for admins and monitoring systems; admin paths for admins; the rest of /api/
 * for any authenticated caller; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurity {

  @Bean
  SecurityFilterChain hubFilterChain(HttpSecurity http, AuthFilter authFilter, SecurityProperties properties, AuditLog audit) throws Exception {
    String[] adminPaths = properties.adminPaths().stream().flatMap(p -> java.util.stream.Stream.of(p, p + "/**")).toArray(String[]::new);
    http.csrf(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .anonymous(a -> a.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Every answer: no-store (person pages and export files must never sit in a shared cache).
        .headers(h -> h.cacheControl(c -> c.disable()).addHeaderWriter(new CacheControlHeadersWriter()).frameOptions(f -> f.deny()))
        .addFilterBefore(authFilter, AuthorizationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/console", "/console/**").permitAll()
            .requestMatchers("/error").permitAll()
            .requestMatchers("/actuator", "/actuator/**").hasAnyRole(Principal.Role.admin.name(), Principal.Role.system.name())
            .requestMatchers(adminPaths).hasRole(Principal.Role.admin.name())
            .requestMatchers("/api/**").authenticated()
            .anyRequest().denyAll())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> unauthorized(response, "UNAUTHENTICATED",
                "authentication required: get a token from POST /api/v1/auth/token and send 'Authorization: Bearer <token>', or send X-API-Key"))
            .accessDeniedHandler((request, response, ex) -> {
              Object caller = request.getAttribute(AuthFilter.PRINCIPAL);
              String role = caller instanceof Principal p ? p.roleLabel() : "none";
              String path = path(request);
              String message = path.startsWith("/actuator")
                  ? "metrics are for data admins and monitoring systems (an API key); your role is " + role
                  : path.startsWith("/api/") ? "this endpoint is for data admins; your role is " + role : "not found";
              AuthFilter.write(response, path.startsWith("/api/") || path.startsWith("/actuator") ? 403 : 404, path.startsWith("/api/") || path.startsWith("/actuator") ? "FORBIDDEN" : "NOT_FOUND", message);
            }));
    return http.build();
  }

  @Bean
  AuthFilter authFilter(TokenService tokens, ApiKeys apiKeys, SecurityProperties properties,
      org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties resourceServer, AuditLog audit) {
    return new AuthFilter(tokens, apiKeys, OidcTokens.of(resourceServer.getJwt(), properties.oidc()), properties, audit);
  }

  /** Boot would also register the filter as a servlet filter of its own: it belongs in the chain only. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<AuthFilter> authFilterOutsideTheChain(AuthFilter filter) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  /** A path the firewall refused is bad input: 400, not the servlet container's 500. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new HttpStatusRequestRejectedHandler(400);
  }

  /** The decoded path within the application, as the router matches it. */
  static String path(HttpServletRequest request) {
    String servlet = request.getServletPath() == null ? "" : request.getServletPath();
    String info = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servlet + info;
  }

  static void unauthorized(HttpServletResponse response, String code, String message) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    AuthFilter.write(response, 401, code, message);
  }
}
