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

  /** The only tags an edited document may carry: YAML's own core types, never a class name. */
  private static final java.util.Set<String> CORE_TAGS =
      java.util.Set.of("str", "int", "float", "bool", "null", "map", "seq").stream().map(t -> "tag:yaml.org,2002:" + t).collect(java.util.stream.Collectors.toSet());

  private static final int MAX_ALIASES = 20;

  /**
   * Why a document sent to the hub is refused before it is read, if it is: a type tag naming anything
   * but a core YAML type ({@code !!javax.script.ScriptEngineManager}, {@code !foo}), or more aliases
   * than any mapping needs (an alias bomb such as the billion laughs). Reading would ignore such tags
   * and stop at the alias limit anyway; refusing says plainly that the document is hostile or broken.
   */
  public static java.util.Optional<String> refusal(String text) {
    if (text.length() > MAX_BYTES) {
      return java.util.Optional.of("the document is larger than " + MAX_BYTES + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    int aliases = 0;
    try {
      for (org.yaml.snakeyaml.events.Event event : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
        String tag = event instanceof org.yaml.snakeyaml.events.NodeEvent ? tagOf(event) : null;
        if (tag != null && !CORE_TAGS.contains(tag)) {
          return java.util.Optional.of("line " + (event.getStartMark().getLine() + 1) + ": the type tag '" + tag.replace("tag:yaml.org,2002:", "!!")
              + "' is not allowed; a mapping holds plain strings, numbers, booleans, lists and maps");
        }
        if (event instanceof org.yaml.snakeyaml.events.AliasEvent && ++aliases > MAX_ALIASES) {
          return java.util.Optional.of("line " + (event.getStartMark().getLine() + 1) + ": more than " + MAX_ALIASES + " aliases (*name); write the values out");
        }
      }
    } catch (RuntimeException e) {
      // Not parseable YAML: the compiler reports it with its line as an ordinary problem.
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  private static String tagOf(org.yaml.snakeyaml.events.Event event) {
    if (event instanceof org.yaml.snakeyaml.events.ScalarEvent scalar) {
      return scalar.getTag();
    }
    if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent collection) {
      return collection.getTag();
    }
    return null;
  }

  public static JsonNode read(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
