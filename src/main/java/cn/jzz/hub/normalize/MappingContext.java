package cn.jzz.hub.normalize;

import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.TagDictionary;
import cn.jzz.hub.support.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a mapping is checked against and runs with: the schema (fields, code tables, sources), the tag
 * dictionary, the community names, the ID rules and the configured connector types.
 *
 * @param connectorType source id → the {@code type} of {@code connectors/<source>.yaml}, or null when
 *     the source has no connector file here
 */
public record MappingContext(
    ResidentSchema schema, TagDictionary tags, Communities communities, IdNumbers idNumbers, Function<String, String> connectorType) {

  /** Reads everything from the repository's folders (tests, tools). */
  public static MappingContext load(Path schemasDir, Path connectorsDir, IdNumbers idNumbers) {
    ResidentSchema schema = ResidentSchema.load(schemasDir);
    return new MappingContext(schema, TagDictionary.load(schemasDir, schema), Communities.load(schemasDir), idNumbers, connectorTypes(connectorsDir));
  }

  /** The {@code type:} of each {@code connectors/<source>.yaml}, read when asked. */
  public static Function<String, String> connectorTypes(Path connectorsDir) {
    return source -> {
      Path file = connectorsDir.resolve(source + ".yaml");
      if (!Files.isRegularFile(file)) {
        return null;
      }
      try {
        return Yaml.read(file).path("type").asText(null);
      } catch (RuntimeException e) {
        return null;
      }
    };
  }
}
