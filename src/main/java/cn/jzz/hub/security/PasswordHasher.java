package cn.jzz.hub.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-SHA256 password hashes; no plain password is ever kept. */
public final class PasswordHasher {

  private static final int ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
  }

  public static boolean matches(String password, String stored) {
    if (!isHash(stored)) {
      return false;
    }
    String[] parts = stored.split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
  }

  /** Whether {@code stored} has the form this class writes: {@code pbkdf2$<iterations>$<salt>$<hash>}. */
  public static boolean isHash(String stored) {
    if (stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2") || !parts[1].matches("[0-9]{4,7}")) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(parts[2]).length >= 8 && Base64.getDecoder().decode(parts[3]).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Prints the hash of a password for {@code hub.security.users[].password-hash}. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp <hub jar> cn.jzz.hub.security.PasswordHasher <password>");
      System.exit(2);
    }
    System.out.println(hash(args[0]));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
