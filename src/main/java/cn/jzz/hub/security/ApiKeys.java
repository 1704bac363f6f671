package cn.jzz.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys of systems, kept as SHA-256 hashes: a key is a long random secret, so a plain hash is as
 * strong as a password hash and lets each request be checked in constant time.
 */
public final class ApiKeys {

  private final Map<String, Principal> byHash = new ConcurrentHashMap<>();

  public void add(String keyHash, Principal principal) {
    byHash.put(keyHash.toLowerCase(), principal);
  }

  public Optional<Principal> authenticate(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byHash.get(sha256(key.strip())));
  }

  /** SHA-256 hex of a key, for {@code hub.security.api-keys[].key-hash}. */
  public static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
