package cn.jzz.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads admin-edited YAML into a JSON tree. Jackson never instantiates types named in the document,
 * and the loader options bound aliases and size, so a hostile file cannot run code or exhaust memory.
 */
public final class Yaml {

  private static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final ObjectMapper MAPPER;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_BYTES);
    MAPPER = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
  }

  private Yaml() {}

  public static JsonNode read(String text) throws IOException {
    if (text.length() > MAX_BYTES) {
      throw new IOException("YAML document is larger than " + MAX_BYTES + " characters");
    }
    JsonNode node = MAPPER.readTree(text);
    return node == null ? MAPPER.nullNode() : node;
  }

  public static JsonNode read(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
