package cn.jzz.hub.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The hub's users with their password hashes. */
public final class UserDirectory {

  record User(Principal principal, String passwordHash) {}

  private final Map<String, User> users = new ConcurrentHashMap<>();

  public void add(Principal principal, String password) {
    users.put(principal.username(), new User(principal, PasswordHasher.hash(password)));
  }

  /** The principal if the password is right; the same answer for an unknown user and a wrong password. */
  public Optional<Principal> authenticate(String username, String password) {
    User user = username == null ? null : users.get(username);
    if (user == null || password == null || !PasswordHasher.matches(password, user.passwordHash())) {
      return Optional.empty();
    }
    return Optional.of(user.principal());
  }
}
