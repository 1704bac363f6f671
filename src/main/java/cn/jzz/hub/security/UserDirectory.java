package cn.jzz.hub.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The hub's users with their password hashes; plain passwords are never kept. */
public final class UserDirectory {

  record User(Principal principal, String passwordHash) {}

  // Compared against when the user is unknown, so both answers take the same time.
  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

  private final Map<String, User> users = new ConcurrentHashMap<>();

  /** Adds a user with a plain password (the demo and tests); it is hashed at once. */
  public void add(Principal principal, String password) {
    addHashed(principal, PasswordHasher.hash(password));
  }

  /** Adds a user from configuration, with a {@code pbkdf2$…} hash. */
  public void addHashed(Principal principal, String passwordHash) {
    users.put(principal.username(), new User(principal, passwordHash));
  }

  /** The principal if the password is right; the same answer for an unknown user and a wrong password. */
  public Optional<Principal> authenticate(String username, String password) {
    User user = username == null ? null : users.get(username);
    if (user == null || password == null) {
      PasswordHasher.matches(password == null ? "" : password, DUMMY_HASH);
      return Optional.empty();
    }
    return PasswordHasher.matches(password, user.passwordHash()) ? Optional.of(user.principal()) : Optional.empty();
  }

  /** Whether a user of this name exists (for per-account limits; says nothing to the caller). */
  boolean knows(String username) {
    return username != null && users.containsKey(username);
  }

  public int size() {
    return users.size();
  }
}
