package cn.jzz.hub.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the schema and the tag dictionary once at start-up; an invalid schema stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchemaProperties.class)
public class SchemaConfiguration {

  @Bean
  public ResidentSchema residentSchema(SchemaProperties properties) {
    Path dir = requireDir(properties.schemasDir());
    try {
      return ResidentSchema.load(dir);
    } catch (SchemaException e) {
      throw new IllegalStateException("hub.schemas-dir=" + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Bean
  public TagDictionary tagDictionary(SchemaProperties properties, ResidentSchema schema) {
    Path dir = requireDir(properties.schemasDir());
    try {
      return TagDictionary.load(dir, schema);
    } catch (SchemaException e) {
      throw new IllegalStateException("hub.schemas-dir=" + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Fails with the resolved path and the fix when the directory is missing. */
  static Path requireDir(Path dir) {
    if (!Files.isRegularFile(dir.resolve(ResidentSchemaLoader.FILE))) {
      throw new IllegalStateException("hub.schemas-dir=" + dir + " (resolved to " + dir.toAbsolutePath()
          + ") has no " + ResidentSchemaLoader.FILE + ": start the hub from the repository root, or set "
          + "hub.schemas-dir (env HUB_SCHEMAS_DIR) to the repository's schemas/ directory");
    }
    return dir;
  }
}
