package cn.jzz.hub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One {@code connectors/<source>.yaml} as written, before its options are bound to a type. */
public record ConnectorDefinition(String source, String type, boolean enabled, JsonNode options, Path file) {}
