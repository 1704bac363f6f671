package cn.jzz.hub.connector;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Record keys for sources whose rows have no surrogate key (files, REST APIs): their natural key is an
 * ID number, which must never become a Kafka key or appear in a log. The key is {@code h} + the first
 * 16 bytes, in hex, of HMAC-SHA256(hub key, {@code <source>/<entity>/<v1>|<v2>…}); values are trimmed
 * and upper-cased first, so {@code …123x} and {@code …123X} are the same record.
 */
public final class RecordKeys {

  private final SecretKeySpec key;

  public RecordKeys(byte[] hubKey) {
    this.key = new SecretKeySpec(hubKey.clone(), "HmacSHA256");
  }

  public String key(String source, String entity, List<String> naturalKey) {
    StringBuilder text = new StringBuilder(source).append('/').append(entity).append('/');
    for (int i = 0; i < naturalKey.size(); i++) {
      if (i > 0) {
        text.append('|');
      }
      String value = naturalKey.get(i);
      text.append(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
      return "h" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
