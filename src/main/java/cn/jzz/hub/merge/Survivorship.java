package cn.jzz.hub.merge;

import cn.jzz.hub.schema.Authority;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the surviving value of a field from its candidates by the field's authority in
 * {@code schemas/resident.yaml}. A value from a source the authority does not list still survives when
 * no listed source has one (rule {@code fallback}), so nothing a department sends is silently dropped.
 */
final class Survivorship {

  record Choice(Candidate winner, String rule) {}

  private static final Comparator<Candidate> NEWEST =
      Comparator.comparing(Candidate::sourceTime).thenComparing(Candidate::recordKey);

  private Survivorship() {}

  static Optional<Choice> choose(Authority authority, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    switch (authority.rule()) {
      case ORDERED:
        for (String source : authority.sources()) {
          Optional<Candidate> best = newestFrom(candidates, source);
          if (best.isPresent()) {
            return Optional.of(new Choice(best.get(), "ordered:" + source));
          }
        }
        return Optional.of(new Choice(newest(candidates), authority.thenLatest() ? "then-latest" : "fallback"));
      case LATEST_OF:
        Optional<Candidate> listed = candidates.stream().filter(c -> authority.sources().contains(c.source())).max(NEWEST);
        return listed.map(c -> new Choice(c, "latest-of"))
            .or(() -> Optional.of(new Choice(newest(candidates), "fallback")));
      default:
        return Optional.of(new Choice(newest(candidates), "key"));
    }
  }

  private static Optional<Candidate> newestFrom(List<Candidate> candidates, String source) {
    return candidates.stream().filter(c -> c.source().equals(source)).max(NEWEST);
  }

  private static Candidate newest(List<Candidate> candidates) {
    return candidates.stream().max(NEWEST).orElseThrow();
  }
}
