package cn.jzz.hub.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hub's users with their password hashes; plain passwords are never kept. */
public final class UserDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

  record User(Principal principal, String passwordHash) {}

  // Compared against when the user is unknown, so both answers take the same time.
  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

  private final Map<String, User> users = new ConcurrentHashMap<>();

  /** Adds a user with a plain password (the demo and tests); it is hashed at once. */
  public void add(Principal principal, String password) {
    addHashed(principal, PasswordHasher.hash(password));
  }

  /** Adds a user from configuration, with a hash {@link PasswordHasher} accepts. */
  public void addHashed(Principal principal, String passwordHash) {
    users.put(principal.username(), new User(principal, passwordHash));
  }

  /**
   * The principal if the password is right; the same answer for an unknown user and a wrong password.
   * A hash in an outdated format is replaced by a fresh one after a successful login.
   */
  public Optional<Principal> authenticate(String username, String password) {
    User user = username == null ? null : users.get(username);
    if (user == null || password == null) {
      PasswordHasher.matches(password == null ? "" : password, DUMMY_HASH);
      return Optional.empty();
    }
    if (!PasswordHasher.matches(password, user.passwordHash())) {
      return Optional.empty();
    }
    if (PasswordHasher.needsUpgrade(user.passwordHash())) {
      users.replace(username, user, new User(user.principal(), PasswordHasher.hash(password)));
      LOG.warn("the configured password hash of a user ({}) is in an outdated format; upgraded in memory: replace it in "
          + "hub.security.users with one made by `java -cp <hub jar> cn.jzz.hub.security.PasswordHasher '<password>'`", user.principal().roleLabel());
    }
    return Optional.of(user.principal());
  }

  /** The stored hash of a user (tests of the upgrade). */
  Optional<String> hashOf(String username) {
    return Optional.ofNullable(users.get(username)).map(User::passwordHash);
  }

  /** Whether a user of this name exists (for per-account limits; says nothing to the caller). */
  boolean knows(String username) {
    return username != null && users.containsKey(username);
  }

  public int size() {
    return users.size();
  }
}
