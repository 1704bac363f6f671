package cn.jzz.hub.connector;

import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A short fingerprint of a row, to tell whether a row read again has changed since it was published. */
public final class RowHash {

  private static final SecretKeySpec KEY = new SecretKeySpec("hub-row-hash".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

  private RowHash() {}

  /** 16 hex characters of an HMAC-SHA256 over the row as JSON: enough to tell a changed row, short to keep. */
  public static String of(Map<String, Object> row) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(KEY);
      return HexFormat.of().formatHex(mac.doFinal(Json.write(row).getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // HmacSHA256 is part of every Java runtime; the checked exceptions cannot happen
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
