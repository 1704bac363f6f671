package cn.jzz.hub.normalize;

import java.util.List;
import java.util.Map;

/**
 * A {@code mappings/<source>.yaml} as written by a data admin, before validation. Immutable; the
 * {@link MappingCompiler} turns it into a {@link CompiledMapping}, which is all the pipeline sees.
 */
public record MappingDefinition(String source, int version, String description, Map<String, EntityDefinition> entities) {

  /**
   * How one table or resource of the source maps.
   *
   * @param idNumber the column that holds the person's ID number
   * @param when conditions a row must meet to contribute; a row that fails one is filtered by that rule
   * @param fields target field key → rule
   */
  public record EntityDefinition(String description, String idNumber, List<Condition> when, Map<String, FieldRule> fields) {}

  /** {@code {column: zxbz, not_in: ["1"]}} or {@code {column: shzt, in: ["1"]}}. */
  public record Condition(String column, List<String> in, List<String> notIn) {}

  /** Either {@code from} a column through {@code transform}s, or a constant. */
  public record FieldRule(String from, Object constant, List<TransformDefinition> transform) {}

  /** One step of a transform chain: a name and its argument ({@code trim}, {@code {date: yyyyMMdd}}). */
  public record TransformDefinition(String name, Object argument) {}
}
