package cn.jzz.hub.normalize;

import java.util.List;
import java.util.Map;

/**
 * A {@code mappings/<source>.yaml} as written by a data admin, before validation. Immutable; the
 * {@link MappingCompiler} checks it against {@code schemas/} and turns it into a {@link
 * CompiledMapping}, which is all the pipeline sees. The language is described in docs/mappings.md.
 */
public record MappingDefinition(String source, int version, String description, Map<String, EntityDefinition> entities) {

  /**
   * How one table, resource or file of the source maps.
   *
   * @param fullDump the connector delivers this entity as full dumps (documentation, and checked
   *     against the source's kind: only file sources deliver dumps)
   * @param when conditions every row must meet; a row that fails one is filtered by that rule
   * @param persons the people one row speaks of, by role ({@code ""} for the single-person form)
   * @param reference the reference record (compound, building, house, grid, family) a row describes;
   *     null when the entity speaks of people only
   */
  public record EntityDefinition(
      String path, String description, boolean fullDump, List<Condition> when, List<PersonDefinition> persons, ReferenceDefinition reference) {}

  /**
   * One person a row speaks of.
   *
   * @param role {@code ""} in the single-person form, else the role's name (slot suffix {@code #role})
   * @param optional a missing ID number skips this person instead of quarantining the row
   */
  public record PersonDefinition(
      String path, String role, ValueRule idNumber, boolean optional, List<Condition> when, Map<String, ValueRule> fields, List<TagDefinition> tags) {}

  /** A non-person record: {@code kind} (compound, building, house, grid, family), its code and fields. */
  public record ReferenceDefinition(String path, String kind, ValueRule code, Map<String, ValueRule> fields) {}

  /**
   * {@code {column: zxbz, not_in: ["1"]}} or {@code {column: shzt, in: ["1"]}}; {@code rule} names the
   * rule in filter counts (default: the condition itself).
   */
  public record Condition(String path, String column, List<String> in, List<String> notIn, String rule) {}

  /** Either {@code from} a column through {@code transform}s, or a constant ({@code const}). */
  public record ValueRule(String path, String from, Object constant, List<TransformDefinition> transform) {
    boolean isConstant() {
      return from == null;
    }
  }

  /**
   * A tag the person carries: a fixed {@code tag} name or one computed from a column, with the
   * columns that bound its validity ({@code from} inclusive, {@code until}) and its own conditions.
   */
  public record TagDefinition(String path, ValueRule tag, ValueRule from, ValueRule until, List<Condition> when) {}

  /** One step of a transform chain: a name and its argument ({@code trim}, {@code {date: yyyyMMdd}}). */
  public record TransformDefinition(String path, String name, Object argument) {}
}
