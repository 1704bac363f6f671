package cn.jzz.hub.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a configuration file before failing, so an admin fixes them in one pass
 * instead of one restart per typo.
 */
public final class ConfigProblems {

  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final String what;
  private final List<Problem> problems = new ArrayList<>();

  public ConfigProblems(String what) {
    this.what = what;
  }

  public void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  public List<Problem> list() {
    return List.copyOf(problems);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(what, list());
    }
  }

  /** A configuration file that cannot be used, with everything wrong in it. */
  public static class InvalidConfigException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidConfigException(String what, List<Problem> problems) {
      super(
          what
              + " has "
              + problems.size()
              + " problem(s):\n  - "
              + String.join("\n  - ", problems.stream().map(Problem::toString).toList()));
      this.problems = problems;
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
