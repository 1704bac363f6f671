package cn.jzz.hub.schema;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the schema definition lives.
 *
 * @param schemasDir {@code hub.schemas-dir} (env {@code HUB_SCHEMAS_DIR}): the directory holding
 *     resident.yaml, tags.yaml, sources.yaml, codes/ and divisions/; default {@code schemas}, relative
 *     to the working directory (the repository root)
 */
@ConfigurationProperties(prefix = "hub")
public record SchemaProperties(@DefaultValue("schemas") Path schemasDir) {}
