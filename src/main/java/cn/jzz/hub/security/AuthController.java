package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/token}. Password guessing is limited twice: per client address (every
 * request) and per account (failed attempts only, so the owner's own successful login never uses the
 * budget an attacker exhausts, and she waits at most a minute after one).
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Short-lived bearer tokens")
public class AuthController {

  static final int FAILURES_PER_ACCOUNT_PER_MINUTE = 5;
  private static final String UNKNOWN_ACCOUNT = "\u0000unknown";

  private final UserDirectory users;
  private final TokenService tokens;
  private final AuditLog audit;
  private final RateLimiter perAddress;
  private final RateLimiter perAccount = new RateLimiter(FAILURES_PER_ACCOUNT_PER_MINUTE, Duration.ofMinutes(1));

  public AuthController(UserDirectory users, TokenService tokens, AuditLog audit, SecurityProperties properties) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
    this.perAddress = new RateLimiter(properties.tokenRequestsPerMinute(), Duration.ofMinutes(1));
  }

  /** @param username login name @param password the password */
  public record TokenRequest(String username, String password) {}

  @PostMapping("/token")
  @Operation(summary = "Exchange a username and password for a bearer token", description = "Rate-limited per client address and, for failed attempts, per account (429 with Retry-After).")
  public Map<String, Object> token(@RequestBody(required = false) TokenRequest request, HttpServletRequest http, HttpServletResponse response) {
    if (!perAddress.tryAcquire(http.getRemoteAddr())) {
      throw tooMany(response, perAddress, "too many token requests from this address");
    }
    if (request == null || request.username() == null || request.password() == null) {
      throw ApiException.badRequest("MISSING_CREDENTIALS", "send {\"username\":…,\"password\":…}");
    }
    // Unknown names share one budget: typed names must not grow the limiter's memory or reset real ones.
    String account = users.knows(request.username()) ? request.username() : UNKNOWN_ACCOUNT;
    if (!perAccount.hasPermit(account)) {
      audit.record(null, new AuditEvent("auth.token", "denied", 429, Map.of("username", request.username()), null, null, null, null, "ACCOUNT_RATE_LIMITED"));
      throw tooMany(response, perAccount, "too many failed sign-ins for this account");
    }
    var principal = users.authenticate(request.username(), request.password());
    if (principal.isEmpty()) {
      perAccount.tryAcquire(account);
      audit.record(null, new AuditEvent("auth.token", "denied", 401, Map.of("username", request.username()), null, null, null, null, "BAD_CREDENTIALS"));
      throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "unknown user or wrong password");
    }
    Principal p = principal.get();
    return Map.of("access_token", tokens.issue(p), "token_type", "Bearer", "expires_in", tokens.lifetime().toSeconds(), "role", p.roleLabel());
  }

  private static ApiException tooMany(HttpServletResponse response, RateLimiter limiter, String what) {
    response.setHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", what + "; wait " + limiter.retryAfterSeconds() + " s and try again（请求过于频繁，请稍后再试）");
  }
}
