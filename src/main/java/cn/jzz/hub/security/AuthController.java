package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Short-lived bearer tokens")
public class AuthController {

  private final UserDirectory users;
  private final TokenService tokens;
  private final AuditLog audit;

  public AuthController(UserDirectory users, TokenService tokens, AuditLog audit) {
    this.users = users;
    this.tokens = tokens;
    this.audit = audit;
  }

  /** @param username login name @param password the password */
  public record TokenRequest(String username, String password) {}

  @PostMapping("/token")
  @Operation(summary = "Exchange a username and password for a bearer token", description = "Rate-limited per client address (429).")
  public Map<String, Object> token(@RequestBody TokenRequest request) {
    if (request == null || request.username() == null || request.password() == null) {
      throw ApiException.badRequest("MISSING_CREDENTIALS", "send {\"username\":…,\"password\":…}");
    }
    var principal = users.authenticate(request.username(), request.password());
    if (principal.isEmpty()) {
      audit.record(null, new AuditEvent("auth.token", "denied", 401, Map.of("username", request.username()), null, null, null, null, "BAD_CREDENTIALS"));
      throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "unknown user or wrong password");
    }
    Principal p = principal.get();
    return Map.of("access_token", tokens.issue(p), "token_type", "Bearer", "expires_in", tokens.lifetime().toSeconds(), "role", p.roleLabel());
  }
}
