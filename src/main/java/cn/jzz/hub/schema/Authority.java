package cn.jzz.hub.schema;

import java.util.List;

/**
 * Which sources win when they disagree (survivorship). The merge stage applies it; the schema only
 * states it.
 *
 * @param rule how {@code sources} are used
 * @param sources source ids in rank order ({@link Rule#ORDERED}) or the candidate set ({@link
 *     Rule#LATEST_OF}); the pseudo-source {@link #DERIVED} means "computed by the hub" at that rank
 * @param thenLatest for {@link Rule#ORDERED}: when no listed source has a value, the most recent value
 *     of any other source wins (spec: {@code gaj, ishandong, latest})
 */
public record Authority(Rule rule, List<String> sources, boolean thenLatest) {

  /** The pseudo-source for values the hub computes. */
  public static final String DERIVED = "derived";

  /** How the listed sources decide. */
  public enum Rule {
    /** The first listed source that has a value wins. */
    ORDERED,
    /** Among the listed sources, the value with the most recent source timestamp wins. */
    LATEST_OF,
    /** No survivorship: the field is the matching key itself (id_number). */
    NONE
  }

  public Authority {
    sources = List.copyOf(sources);
  }

  public static Authority ordered(List<String> sources, boolean thenLatest) {
    return new Authority(Rule.ORDERED, sources, thenLatest);
  }

  public static Authority latestOf(List<String> sources) {
    return new Authority(Rule.LATEST_OF, sources, false);
  }

  public static Authority none() {
    return new Authority(Rule.NONE, List.of(), false);
  }

  /** Whether the hub computes the value (alone or as one of the ranked sources). */
  public boolean includesDerived() {
    return sources.contains(DERIVED);
  }

  /** The spec's notation: {@code gaj, ishandong, latest}, {@code latest of jyj, gaj}, {@code —}. */
  public String describe() {
    return switch (rule) {
      case ORDERED -> String.join(", ", sources) + (thenLatest ? ", latest" : "");
      case LATEST_OF -> "latest of " + String.join(", ", sources);
      case NONE -> "—";
    };
  }
}
