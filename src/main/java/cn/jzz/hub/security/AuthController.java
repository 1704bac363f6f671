package cn.jzz.hub.security;

import cn.jzz.hub.api.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

  private final UserDirectory users;
  private final TokenService tokens;

  public AuthController(UserDirectory users, TokenService tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  public record TokenRequest(String username, String password) {}

  @PostMapping("/token")
  public Map<String, Object> token(@RequestBody TokenRequest request) {
    if (request == null || request.username() == null || request.password() == null) {
      throw ApiException.badRequest("MISSING_CREDENTIALS", "send {\"username\":…,\"password\":…}");
    }
    Principal principal =
        users.authenticate(request.username(), request.password())
            .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "unknown user or wrong password"));
    return Map.of("access_token", tokens.issue(principal), "token_type", "Bearer", "expires_in", tokens.lifetime().toSeconds(), "role", principal.roleLabel());
  }
}
