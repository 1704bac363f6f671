package cn.jzz.hub.schema;

import java.util.List;
import java.util.stream.Collectors;

/** The schema definition in {@code schemas/} is invalid; carries every problem found, not just the first. */
public final class SchemaException extends RuntimeException {

  private final transient List<Problem> problems;

  public SchemaException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    return problems.size()
        + " problem(s) in the schema definition; fix them in schemas/ and restart:\n  "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
  }
}
