package cn.jzz.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  private final Principal grid = new Principal("grid", Principal.Role.grid_worker, "370811002001");

  @Test
  void aTokenCarriesWhoAndWhere() {
    TokenService tokens = new TokenService(new byte[32], Duration.ofHours(1), Clock.systemUTC());
    assertThat(tokens.verify(tokens.issue(grid))).contains(grid);
  }

  @Test
  void aTamperedOrForeignOrExpiredTokenIsRefused() {
    Instant now = Instant.parse("2026-11-26T00:00:00Z");
    TokenService tokens = new TokenService(new byte[32], Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    String token = tokens.issue(grid);
    assertThat(tokens.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
    assertThat(new TokenService(new byte[] {1, 2, 3}, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC)).verify(token)).isEmpty();
    assertThat(new TokenService(new byte[32], Duration.ofHours(1), Clock.fixed(now.plusSeconds(3601), ZoneOffset.UTC)).verify(token)).isEmpty();
    assertThat(tokens.verify("garbage")).isEmpty();
    assertThat(tokens.verify(null)).isEmpty();
  }

  @Test
  void passwordsAreHashedAndChecked() {
    UserDirectory users = new UserDirectory();
    users.add(grid, "s3cret");
    assertThat(users.authenticate("grid", "s3cret")).contains(grid);
    assertThat(users.authenticate("grid", "wrong")).isEmpty();
    assertThat(users.authenticate("nobody", "s3cret")).isEmpty();
  }

  @Test
  void tokensAreStandardJwtsThatNimbusVerifies() throws Exception {
    byte[] key = new byte[32];
    key[0] = 7;
    TokenService tokens = new TokenService(key, Duration.ofHours(1), Clock.systemUTC());
    String token = tokens.issue(new Principal("elder", Principal.Role.analyst, null, java.util.Set.of("sensitive:elderly_tags")));
    assertThat(token.split("\\.")).hasSize(3);
    com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(jwt.verify(new com.nimbusds.jose.crypto.MACVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TokenService.ISSUER);
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("elder");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("grants")).containsExactly("sensitive:elderly_tags");
    // the home-made two-part form of before is no token any more
    assertThat(tokens.verify(token.substring(token.indexOf('.') + 1))).isEmpty();
  }

  @Test
  void anOldFormatHashIsAcceptedAndUpgradedOnLogin() throws Exception {
    // the earlier pbkdf2$<rounds>$<salt>$<hash> form, as configuration holds it
    byte[] salt = "saltsalt12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec("s3cret".toCharArray(), salt, 120_000, 256);
    byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    String old = "pbkdf2$120000$" + java.util.Base64.getEncoder().encodeToString(salt) + "$" + java.util.Base64.getEncoder().encodeToString(hash);
    assertThat(PasswordHasher.weakness(old)).isEmpty();
    UserDirectory users = new UserDirectory();
    users.addHashed(grid, old);
    assertThat(users.authenticate("grid", "wrong")).isEmpty();
    assertThat(users.hashOf("grid")).contains(old);
    assertThat(users.authenticate("grid", "s3cret")).contains(grid);
    assertThat(users.hashOf("grid").orElseThrow()).startsWith("{bcrypt}");
    assertThat(users.authenticate("grid", "s3cret")).contains(grid);
  }

  @Test
  void weakConfiguredHashesAreRefused() {
    String thousandRounds = "pbkdf2$1000$" + java.util.Base64.getEncoder().encodeToString(new byte[16]) + "$" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(PasswordHasher.weakness(thousandRounds)).hasValueSatisfying(w -> assertThat(w).contains("1000 rounds"));
    assertThat(PasswordHasher.weakness("{noop}admin")).isPresent();
    assertThat(PasswordHasher.weakness("{MD5}21232f297a57a5a743894a0e4a801fc3")).isPresent();
    assertThat(PasswordHasher.weakness("{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("x"))).isPresent();
    assertThat(PasswordHasher.weakness("hunter2")).isPresent();
    assertThat(PasswordHasher.weakness(PasswordHasher.hash("s3cret"))).isEmpty();
  }
}
