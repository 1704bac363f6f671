package cn.jzz.hub.connector;

import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A source's durable positions (watermarks, dump state) as JSON files in its own state directory.
 *
 * <p>A write goes to a temporary file, is forced to disk, then atomically renamed over the old file
 * and the directory is forced too: after a crash at any point the file holds either the old or the
 * new position, never a torn mix, so a restart resumes from a position that was really published.
 */
public final class StateStore {

  private final Path dir;

  public StateStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public <T> Optional<T> read(String name, TypeReference<T> type) {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), type));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the connector state " + file + " is unreadable (" + e.getMessage() + "); delete it, or resync the source, to read it again from the start", e);
    }
  }

  public void write(String name, Object value) {
    byte[] bytes = Json.write(value).getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(name);
      Path temp = dir.resolve(name + ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the connector state " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  /** Makes the rename itself durable; not every file system lets a directory be opened, which is fine. */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // Windows and some network file systems cannot sync a directory; the rename is still atomic.
    }
  }

  /** Forgets every position of the source (resync): the next start reads everything again. */
  public void clear() {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the connector state in " + dir + ": " + e.getMessage(), e);
    }
  }
}
