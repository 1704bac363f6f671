package cn.jzz.hub.normalize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Mapping versions kept on disk: {@code <dir>/<source>/v<N>.yaml} and an {@code active} file naming
 * the active N, so a restart keeps what an admin activated. Files are written to a temporary name and
 * moved into place, so a crash never leaves half a version or half a pointer.
 */
public final class MappingStore {

  private final Path dir;

  public MappingStore(Path dir) {
    this.dir = dir;
  }

  public Optional<Integer> activeVersion(String source) {
    Path pointer = dir.resolve(source).resolve("active");
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(Files.readString(pointer).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<String> read(String source, int version) {
    Path file = dir.resolve(source).resolve("v" + version + ".yaml");
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores {@code yaml} as version {@code version} and makes it the active one. */
  public void activate(String source, int version, String yaml) {
    Path folder = dir.resolve(source);
    try {
      Files.createDirectories(folder);
      write(folder.resolve("v" + version + ".yaml"), yaml);
      write(folder.resolve("active"), Integer.toString(version));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store mapping version " + version + " of " + source + " under " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The stored version numbers, ascending. */
  public List<Integer> versions(String source) {
    Path folder = dir.resolve(source);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("v\\d+\\.yaml"))
          .map(n -> Integer.parseInt(n.substring(1, n.length() - 5))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
