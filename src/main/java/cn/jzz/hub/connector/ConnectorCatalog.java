package cn.jzz.hub.connector;

import cn.jzz.hub.support.ConfigProblems;
import cn.jzz.hub.support.Yaml;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads {@code connectors/*.yaml} and binds each file's options to the type it names. Every problem
 * of every file is reported together; unknown keys are errors that list the allowed ones.
 */
public final class ConnectorCatalog {

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("source", "type", "enabled", "description", "options");

  private static final ObjectMapper OPTIONS_MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Map<String, ConnectorType<?>> types = new TreeMap<>();

  public ConnectorCatalog(List<ConnectorType<?>> types) {
    types.forEach(t -> this.types.put(t.id(), t));
  }

  /** A source with its type and bound options, ready to be created. */
  public record BoundConnector<O>(ConnectorDefinition definition, ConnectorType<O> type, O options) {
    public SourceConnector create(ConnectorContext context) {
      return type.create(definition.source(), options, context);
    }
  }

  public List<BoundConnector<?>> load(Path dir) {
    ConfigProblems problems = new ConfigProblems("connector configuration in " + dir);
    List<BoundConnector<?>> bound = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      problems.add(dir.toString(), "directory not found; set hub.connectors-dir to the folder with connectors/<source>.yaml");
      problems.throwIfAny();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        BoundConnector<?> connector = bind(file, Yaml.read(file), problems);
        if (connector != null) {
          bound.add(connector);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.throwIfAny();
    return bound;
  }

  BoundConnector<?> bind(Path file, JsonNode root, ConfigProblems problems) {
    String at = file.getFileName().toString();
    if (!root.isObject()) {
      problems.add(at, "expected a mapping with keys " + TOP_LEVEL_KEYS);
      return null;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL_KEYS.contains(key)) {
        problems.add(at + ": " + key, "unknown key; allowed: " + new java.util.TreeSet<>(TOP_LEVEL_KEYS));
      }
    }
    String source = root.path("source").asText("");
    String expected = at.substring(0, at.length() - ".yaml".length());
    if (source.isEmpty()) {
      problems.add(at + ": source", "missing; it must be the source id, here '" + expected + "'");
    } else if (!source.equals(expected)) {
      problems.add(at + ": source", "is '" + source + "' but the file is named for '" + expected + "'; rename one of them");
    }
    String typeId = root.path("type").asText("");
    ConnectorType<?> type = types.get(typeId);
    if (type == null) {
      problems.add(at + ": type", "unknown connector type '" + typeId + "'; known types: " + types.keySet());
      return null;
    }
    boolean enabled = root.path("enabled").asBoolean(true);
    ConnectorDefinition definition = new ConnectorDefinition(source, typeId, enabled, root.path("options"), file);
    return bindOptions(definition, type, problems);
  }

  private static <O> BoundConnector<O> bindOptions(
      ConnectorDefinition definition, ConnectorType<O> type, ConfigProblems problems) {
    String at = definition.file().getFileName() + ": options";
    try {
      O options = OPTIONS_MAPPER.treeToValue(definition.options(), type.optionsType());
      if (options instanceof Validated validated) {
        validated.validate().forEach(p -> problems.add(at + "." + p.path(), p.message()));
      }
      return new BoundConnector<>(definition, type, options);
    } catch (UnrecognizedPropertyException e) {
      problems.add(at + "." + e.getPropertyName(), "unknown option for type '" + type.id() + "'; allowed: " + allowedOptions(type));
    } catch (IOException e) {
      problems.add(at, (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "; allowed options: " + allowedOptions(type));
    }
    return null;
  }

  static List<String> allowedOptions(ConnectorType<?> type) {
    if (!type.optionsType().isRecord()) {
      return List.of();
    }
    return Arrays.stream(type.optionsType().getRecordComponents())
        .map(c -> PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(c.getName()))
        .sorted()
        .toList();
  }

  /** Options that check more than their shape. */
  public interface Validated {
    List<ConfigProblems.Problem> validate();
  }
}
