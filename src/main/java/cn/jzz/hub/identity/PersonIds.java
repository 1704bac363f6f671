package cn.jzz.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous person ids: {@code p} + lowercase hex of the first 16 bytes of
 * HMAC-SHA256(key, normalised ID number). Stable for a key, so it can key URLs, Kafka messages and
 * logs; not reversible without the key, so those never carry the ID number itself.
 */
public final class PersonIds {

  /** Minimum key length in bytes (the HMAC-SHA256 block security level). */
  public static final int MIN_KEY_BYTES = 32;

  private static final Pattern PERSON_ID = Pattern.compile("p[0-9a-f]{32}");
  private static final Pattern NORMALISED = Pattern.compile("[0-9]{17}[0-9X]");

  private final ThreadLocal<Mac> mac;

  /** @param key at least {@value #MIN_KEY_BYTES} bytes; keep it secret and never change it */
  public PersonIds(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the person-id key needs at least " + MIN_KEY_BYTES + " bytes, got "
          + (key == null ? 0 : key.length));
    }
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    // Mac is not thread-safe; one per thread avoids both locking and per-call setup.
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
      }
    });
  }

  /** The person id of a parsed number. */
  public String of(ParsedId id) {
    return of(id.number());
  }

  /**
   * The person id of an already normalised 18-character number (see {@link IdNumbers#parse}).
   *
   * @throws IllegalArgumentException if the value is not normalised (the message does not repeat it)
   */
  public String of(String normalisedNumber) {
    if (normalisedNumber == null || !NORMALISED.matcher(normalisedNumber).matches()) {
      throw new IllegalArgumentException(
          "person ids are computed from normalised 18-character numbers; parse the raw value with IdNumbers first");
    }
    byte[] digest = mac.get().doFinal(normalisedNumber.getBytes(StandardCharsets.US_ASCII));
    return "p" + HexFormat.of().formatHex(digest, 0, 16);
  }

  /** Whether {@code value} has the form of a person id (for validating path variables). */
  public static boolean isPersonId(String value) {
    return value != null && PERSON_ID.matcher(value).matches();
  }
}
