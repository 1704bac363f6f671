package cn.jzz.hub.connector;

import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A short fingerprint of a row, to tell whether a row read again has changed since it was published. */
public final class RowHash {

  private RowHash() {}

  /** 16 hex characters of SHA-256 over the row as JSON: enough to tell a changed row, short to keep. */
  public static String of(Map<String, Object> row) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(row).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
