package cn.jzz.hub.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Safe YAML reading for definition files. Jackson builds a plain tree (no type tags are honoured,
 * so no arbitrary classes are instantiated); size, nesting and aliases are bounded so a hostile or
 * broken file cannot exhaust memory.
 */
final class YamlFiles {

  static final long MAX_BYTES = 1_000_000;

  private static final ObjectMapper MAPPER = mapper();

  private YamlFiles() {}

  private static ObjectMapper mapper() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_BYTES);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    options.setAllowDuplicateKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
            .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new ObjectMapper(factory);
  }

  /** Reads {@code dir/name}; problems (missing, too large, not YAML) go to {@code problems}. */
  static Optional<JsonNode> read(Path dir, String name, Problems problems) {
    Path file = dir.resolve(name);
    try {
      if (!Files.isRegularFile(file)) {
        problems.add(name, "", "file not found at " + file.toAbsolutePath()
            + "; check hub.schemas-dir (it must point at the repository's schemas/ directory)");
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(name, "", "file is " + size + " bytes; definition files are limited to " + MAX_BYTES);
        return Optional.empty();
      }
      JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
      if (root == null || !root.isObject()) {
        problems.add(name, "", "expected a YAML mapping at the top of the file");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (IOException | RuntimeException e) {
      problems.add(name, "", "cannot read YAML: " + e.getMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    }
  }
}
