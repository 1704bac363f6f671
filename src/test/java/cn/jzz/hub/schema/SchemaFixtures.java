package cn.jzz.hub.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's schemas/ and disposable copies of it for tests that edit a definition. */
public final class SchemaFixtures {

  public static final Path SCHEMAS = Path.of("schemas");

  private static ResidentSchema schema;
  private static TagDictionary tags;

  private SchemaFixtures() {}

  /** The repository's schema, loaded once per test JVM. */
  public static synchronized ResidentSchema schema() {
    if (schema == null) {
      schema = ResidentSchema.load(SCHEMAS);
    }
    return schema;
  }

  public static synchronized TagDictionary tags() {
    if (tags == null) {
      tags = TagDictionary.load(SCHEMAS, schema());
    }
    return tags;
  }

  /** Copies schemas/ into {@code target} and returns the copy's path. */
  public static Path copyTo(Path target) {
    Path dest = target.resolve("schemas");
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      for (Path file : files.toList()) {
        Path to = dest.resolve(SCHEMAS.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dest;
  }

  /** Replaces exactly one occurrence of {@code from} in {@code dir/file}; fails if it is not there once. */
  public static void edit(Path dir, String file, String from, String to) {
    try {
      Path path = dir.resolve(file);
      String text = Files.readString(path, StandardCharsets.UTF_8);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new IllegalArgumentException("'" + from + "' must occur exactly once in " + file);
      }
      Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
