package cn.jzz.hub.security;

import cn.jzz.hub.support.ConfigProblems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Production (profile {@code prod}) refuses to start with demo settings: security switched off, the
 * demo profile, a generated or demo person-id key file, users whose password is a well-known one, nobody
 * able to log in, or an identity provider whose tokens are not checked for the hub's audience.
 */
public final class ProductionGuard {

  static final List<String> WELL_KNOWN_PASSWORDS = List.of("admin", "analyst", "grid", "password", "changeme", "123456", "demo", "secret");

  private ProductionGuard() {}

  public static void check(Environment env, SecurityProperties security) {
    if (!Arrays.asList(env.getActiveProfiles()).contains("prod")) {
      return;
    }
    ConfigProblems problems = new ConfigProblems("production settings (profile prod)");
    if (!security.enabled()) {
      problems.add("hub.security.enabled", "security is switched off; remove the setting (default true)");
    }
    if (Arrays.asList(env.getActiveProfiles()).contains("demo")) {
      problems.add("spring.profiles.active", "the demo profile creates demo users and a demo key; run prod without demo");
    }
    if (env.getProperty("hub.identity.generate-key-if-missing", Boolean.class, false)) {
      problems.add("hub.identity.generate-key-if-missing", "a generated person-id key is for demos; set hub.identity.key (HUB_IDENTITY_KEY) from your secret store");
    }
    String keyFile = env.getProperty("hub.identity.key-file");
    if (keyFile != null && !keyFile.isBlank()) {
      Path file = Path.of(keyFile).normalize();
      Path demo = Path.of(env.getProperty("hub.data-dir", "./data")).resolve("secrets/person-id.key").normalize();
      if (file.equals(demo) || file.endsWith(Path.of("secrets", "person-id.key"))) {
        problems.add("hub.identity.key-file", "this is the demo's generated key file (" + keyFile + "); use a key from your secret store");
      }
    }
    for (int i = 0; i < security.users().size(); i++) {
      SecurityProperties.User u = security.users().get(i);
      if (u.passwordHash() == null) {
        continue;
      }
      for (String weak : concat(WELL_KNOWN_PASSWORDS, u.username())) {
        if (PasswordHasher.matches(weak, u.passwordHash())) {
          problems.add("hub.security.users[" + i + "].password-hash", "user '" + u.username() + "' has a demo or well-known password; set a strong one");
          break;
        }
      }
    }
    if (security.users().isEmpty() && security.apiKeys().isEmpty() && !oidcConfigured(env)) {
      problems.add("hub.security", "nobody could log in: configure hub.security.users, hub.security.api-keys or an identity provider "
          + "(spring.security.oauth2.resourceserver.jwt.issuer-uri)");
    }
    if (oidcConfigured(env) && audiences(env).isEmpty()) {
      problems.add("spring.security.oauth2.resourceserver.jwt.audiences",
          "without an audience any token the identity provider issues, for any application, would be accepted; list the hub's client id");
    }
    problems.throwIfAny();
  }

  private static List<String> audiences(Environment env) {
    return Binder.get(env).bind("spring.security.oauth2.resourceserver.jwt.audiences", Bindable.listOf(String.class)).orElse(List.of());
  }

  private static boolean oidcConfigured(Environment env) {
    return !env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "").isBlank()
        || !env.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "").isBlank();
  }

  private static List<String> concat(List<String> list, String extra) {
    return extra == null ? list : java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(extra)).toList();
  }
}
