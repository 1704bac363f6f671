package cn.jzz.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.support.ConfigProblems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MasksAndGuardTest {

  @Test
  void masksKeepOnlyWhatTheSpecAllows() {
    // only the region: the birth-date digits are in the clear birth date, the rest nobody may rebuild
    assertThat(Masks.mask("id_number", "11010519491231002X")).isEqualTo("110105************");
    assertThat(Masks.mask("id_number", "370828500312369")).isEqualTo("370828*********");
    assertThat(Masks.mask("phone", "13905371234")).isEqualTo("139****1234");
    assertThat(Masks.mask("full_name", "张三丰")).isEqualTo("张*");
    assertThat(Masks.mask("full_name", "欧阳娜娜")).isEqualTo("欧阳*");
    assertThat(Masks.mask("hukou_address", "山东省济宁市任城区古槐路12号3号楼2单元501室")).isEqualTo("山东省济宁市任城区古槐路12号3号楼****");
    assertThat(Masks.mask("hukou_address", "济宁市任城区古槐路12号")).isEqualTo("济宁市任城区古槐路****");
    assertThat(Masks.mask("emergency_contact", "李明/子女/13905370001")).isEqualTo("李*/子女/139****0001");
    assertThat(Masks.mask("disability_cert_no", "11010519491231002X12")).isEqualTo("110105**************");
  }

  @Test
  void jurisdictionsMapToTheirField() {
    assertThat(Jurisdiction.of("370811").field()).isEqualTo("county_code");
    assertThat(Jurisdiction.of("370811002").field()).isEqualTo("township_code");
    assertThat(Jurisdiction.of("370811002001").field()).isEqualTo("community_code");
    assertThat(Jurisdiction.of("370811002001001").field()).isEqualTo("grid_code");
    assertThatThrownBy(() -> Jurisdiction.of("3708110")).hasMessageContaining("county (6)");
    assertThatThrownBy(() -> Roles.principal("g", "grid_worker", List.of())).hasMessageContaining("grid_worker@");
    assertThatThrownBy(() -> Roles.principal("g", "analyst", List.of("see-all"))).hasMessageContaining("unknown grant");
  }

  @Test
  void tokensCarryRoleScopeAndGrantsAndExpire() {
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-26T00:00:00Z"), java.time.ZoneOffset.UTC);
    TokenService tokens = new TokenService(new byte[32], Duration.ofMinutes(15), clock);
    Principal p = new Principal("elder", Principal.Role.analyst, null, Set.of("sensitive:elderly_tags"));
    assertThat(tokens.verify(tokens.issue(p))).contains(p);
    TokenService later = new TokenService(new byte[32], Duration.ofMinutes(15), Clock.offset(clock, Duration.ofMinutes(16)));
    assertThat(later.verify(tokens.issue(p))).isEmpty();
  }

  @Test
  void weakConfiguredPasswordHashesStopTheStartAllAtOnce() {
    String thousandRounds = "pbkdf2$1000$" + java.util.Base64.getEncoder().encodeToString(new byte[16]) + "$" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    SecurityProperties props = security(List.of(
        new SecurityProperties.User("a", thousandRounds, "admin", List.of()),
        new SecurityProperties.User("b", "{noop}secret", "analyst", List.of()),
        new SecurityProperties.User("c", PasswordHasher.hash("fine-password"), "analyst", List.of())));
    assertThatThrownBy(() -> new SecurityConfiguration().userDirectory(props, new MockEnvironment()))
        .isInstanceOf(ConfigProblems.InvalidConfigException.class)
        .hasMessageContaining("hub.security.users[0].password-hash").hasMessageContaining("1000 rounds")
        .hasMessageContaining("hub.security.users[1].password-hash").hasMessageContaining("{noop}")
        .hasMessageNotContaining("users[2]");
  }

  @Test
  void productionRefusesDemoSettings() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("hub.identity.generate-key-if-missing", "true");
    env.setProperty("hub.identity.key-file", "./data/secrets/person-id.key");
    SecurityProperties security =
        new SecurityProperties(false, Duration.ofMinutes(15), null, List.of(new SecurityProperties.User("admin", PasswordHasher.hash("admin"), "admin", List.of())), List.of(),
            new SecurityProperties.Oidc("hub_role", "hub_jurisdiction", "hub_grants"), 10, 20, org.springframework.util.unit.DataSize.ofMegabytes(1), List.of(), List.of());
    assertThatThrownBy(() -> ProductionGuard.check(env, security))
        .isInstanceOf(ConfigProblems.InvalidConfigException.class)
        .hasMessageContaining("hub.security.enabled")
        .hasMessageContaining("hub.identity.generate-key-if-missing")
        .hasMessageContaining("hub.identity.key-file")
        .hasMessageContaining("users[0].password-hash");
    MockEnvironment dev = new MockEnvironment();
    ProductionGuard.check(dev, security);
  }

  @Test
  void productionAcceptsAnIdentityProviderAloneButNotNobodyOrAnyAudience() {
    SecurityProperties nobody = security(List.of());
    MockEnvironment oidc = prod();
    oidc.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://sso.example.gov.cn/realms/hub");
    oidc.setProperty("spring.security.oauth2.resourceserver.jwt.audiences[0]", "jzz-hub");
    ProductionGuard.check(oidc, nobody);
    MockEnvironment jwksOnly = prod();
    jwksOnly.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://sso.example.gov.cn/certs");
    jwksOnly.setProperty("spring.security.oauth2.resourceserver.jwt.audiences", "jzz-hub");
    ProductionGuard.check(jwksOnly, nobody);
    assertThatThrownBy(() -> ProductionGuard.check(prod(), nobody)).hasMessageContaining("nobody could log in");
    MockEnvironment anyAudience = prod();
    anyAudience.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://sso.example.gov.cn/realms/hub");
    assertThatThrownBy(() -> ProductionGuard.check(anyAudience, nobody)).hasMessageContaining("audiences");
  }

  private static MockEnvironment prod() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    return env;
  }

  private static SecurityProperties security(List<SecurityProperties.User> users) {
    return new SecurityProperties(true, Duration.ofMinutes(15), null, users, List.of(),
        new SecurityProperties.Oidc("hub_role", "hub_jurisdiction", "hub_grants"), 10, 20, org.springframework.util.unit.DataSize.ofMegabytes(1), List.of(), List.of());
  }
}
