package cn.jzz.hub.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves the person-id key from {@link IdentityProperties}; every failure names the property and the fix. */
public final class IdentityKeys {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityKeys.class);
  static final String NOT_SET = "hub.identity.key is not set: set HUB_IDENTITY_KEY (base64, 32 bytes) or "
      + "hub.identity.key-file; production refuses to start without it";

  private IdentityKeys() {}

  /**
   * The key bytes.
   *
   * @throws IllegalStateException when no usable key is configured
   */
  public static byte[] resolve(IdentityProperties properties) {
    String key = properties.key();
    Path file = properties.keyFile();
    if (key != null && !key.isBlank()) {
      if (file != null) {
        throw new IllegalStateException("both hub.identity.key and hub.identity.key-file are set: keep only one, "
            + "so it is clear which key the person ids come from");
      }
      return decode(key, "hub.identity.key (HUB_IDENTITY_KEY)");
    }
    if (file != null && Files.exists(file)) {
      return read(file);
    }
    if (!properties.generateKeyIfMissing()) {
      throw new IllegalStateException(file == null ? NOT_SET : "hub.identity.key-file=" + file.toAbsolutePath()
          + " does not exist: create it with `openssl rand -base64 32 > " + file + "` (mode 600), or set "
          + "HUB_IDENTITY_KEY; production refuses to start without a key");
    }
    if (file == null) {
      throw new IllegalStateException("hub.identity.generate-key-if-missing=true needs hub.identity.key-file, "
          + "the file to keep the generated key in");
    }
    return generate(file);
  }

  private static byte[] read(Path file) {
    try {
      return decode(Files.readString(file, StandardCharsets.US_ASCII), "hub.identity.key-file=" + file.toAbsolutePath());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read hub.identity.key-file=" + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not valid base64: generate a key with `openssl rand -base64 32`");
    }
    if (bytes.length < PersonIds.MIN_KEY_BYTES) {
      throw new IllegalStateException(where + " holds " + bytes.length + " bytes; it needs at least "
          + PersonIds.MIN_KEY_BYTES + ": generate a key with `openssl rand -base64 32`");
    }
    return bytes;
  }

  private static byte[] generate(Path file) {
    byte[] key = new byte[PersonIds.MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Created owner-only from the first byte, and never overwriting: a concurrent start keeps its key.
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create hub.identity.key-file=" + file.toAbsolutePath(), e);
    }
    LOG.warn("Generated a new person-id key in {}: keep this file, person ids change if the key does",
        file.toAbsolutePath());
    return key;
  }
}
