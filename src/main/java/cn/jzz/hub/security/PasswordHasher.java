package cn.jzz.hub.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes on Spring Security's {@link DelegatingPasswordEncoder}: new hashes in its current
 * default ({@code {bcrypt}…}), any of its strong formats accepted, and the hub's earlier
 * {@code pbkdf2$<iterations>$<salt>$<hash>} still matched (so existing configuration keeps working)
 * and upgraded on the next successful login. Weak hashes are refused at start-up ({@link #weakness}).
 */
public final class PasswordHasher {

  /** The earlier format's work factor; fewer rounds are refused as weak. */
  static final int LEGACY_MIN_ITERATIONS = 120_000;
  static final int BCRYPT_MIN_COST = 10;
  private static final Set<String> STRONG_IDS = Set.of("bcrypt", "pbkdf2@SpringSecurity_v5_8", "scrypt@SpringSecurity_v5_8", "argon2@SpringSecurity_v5_8");
  private static final Pattern ID = Pattern.compile("^\\{([^}]*)}(.*)$", Pattern.DOTALL);
  private static final Pattern BCRYPT_COST = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$.{53}$");
  private static final PasswordEncoder ENCODER = encoder();

  private PasswordHasher() {}

  private static PasswordEncoder encoder() {
    DelegatingPasswordEncoder delegating = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
    delegating.setDefaultPasswordEncoderForMatches(new LegacyPbkdf2());
    return delegating;
  }

  public static String hash(String password) {
    return ENCODER.encode(password);
  }

  public static boolean matches(String password, String stored) {
    if (stored == null || password == null) {
      return false;
    }
    try {
      return ENCODER.matches(password, stored);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a stored hash should be replaced by a fresh one after a successful login. */
  public static boolean needsUpgrade(String stored) {
    return ENCODER.upgradeEncoding(stored);
  }

  /** Whether {@code stored} is a hash this hub accepts (strong or not: see {@link #weakness}). */
  public static boolean isHash(String stored) {
    return stored != null && (ID.matcher(stored).matches() || LegacyPbkdf2.parse(stored).isPresent());
  }

  /** Why a configured hash is too weak to accept, if it is. */
  public static Optional<String> weakness(String stored) {
    if (stored == null) {
      return Optional.of("missing");
    }
    Optional<int[]> legacy = LegacyPbkdf2.parse(stored).map(p -> new int[] {p.iterations()});
    if (legacy.isPresent()) {
      return legacy.get()[0] < LEGACY_MIN_ITERATIONS
          ? Optional.of("PBKDF2 with " + legacy.get()[0] + " rounds is too weak (at least " + LEGACY_MIN_ITERATIONS + ")")
          : Optional.empty();
    }
    Matcher id = ID.matcher(stored);
    if (!id.matches()) {
      return Optional.of("not a password hash");
    }
    if (!STRONG_IDS.contains(id.group(1))) {
      return Optional.of("'{" + id.group(1) + "}' is not a strong password hash format; use " + STRONG_IDS);
    }
    Matcher cost = BCRYPT_COST.matcher(id.group(2));
    if (id.group(1).equals("bcrypt") && (!cost.matches() || Integer.parseInt(cost.group(1)) < BCRYPT_MIN_COST)) {
      return Optional.of("bcrypt with a cost below " + BCRYPT_MIN_COST + " is too weak");
    }
    return Optional.empty();
  }

  /** Prints the hash of a password for {@code hub.security.users[].password-hash}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp <hub jar> cn.jzz.hub.security.PasswordHasher <password>");
      System.exit(2);
    }
    System.out.println(hash(args[0]));
  }

  /** The hub's earlier format, matched only: new hashes are never written in it. */
  static final class LegacyPbkdf2 implements PasswordEncoder {

    record Parts(int iterations, byte[] salt, byte[] hash) {}

    static Optional<Parts> parse(String stored) {
      String[] parts = stored.split("\\$");
      if (parts.length != 4 || !parts[0].equals("pbkdf2") || !parts[1].matches("[0-9]{1,7}")) {
        return Optional.empty();
      }
      try {
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        return salt.length >= 8 && hash.length == 32 ? Optional.of(new Parts(Integer.parseInt(parts[1]), salt, hash)) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    @Override
    public String encode(CharSequence raw) {
      throw new UnsupportedOperationException("new hashes are written by the delegating encoder's default");
    }

    @Override
    public boolean matches(CharSequence raw, String stored) {
      Optional<Parts> parts = stored == null ? Optional.empty() : parse(stored);
      if (parts.isEmpty()) {
        return false;
      }
      try {
        PBEKeySpec spec = new PBEKeySpec(raw.toString().toCharArray(), parts.get().salt(), parts.get().iterations(), 256);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return MessageDigest.isEqual(parts.get().hash(), derived);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
