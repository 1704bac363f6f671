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
}
