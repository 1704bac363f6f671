package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the hub knows of one person: the latest contribution of every source record that ever
 * spoke of them. Withdrawn contributions stay as markers so a replayed older event cannot revive them.
 *
 * @param version raised whenever the golden record changes; the index refuses to let a lower version
 *     overwrite a higher one
 * @param digest a digest of the golden record last emitted, so an unchanged record is not emitted again
 * @param links the links last announced to the link stage, by link ({@code house:H1} → membership)
 */
public record PersonState(String personId, long version, Map<String, Contribution> slots, String digest, Map<String, LinkMember> links) {

  public PersonState {
    links = links == null ? Map.of() : links;
  }

  public static PersonState empty(String personId) {
    return new PersonState(personId, 0, Map.of(), null, Map.of());
  }

  /** The state after this contribution; the same instance if it is older than, or equal to, what the slot holds. */
  public PersonState apply(Contribution contribution) {
    Contribution current = slots.get(contribution.slot());
    if (current != null && contribution.sourceTime().isBefore(current.sourceTime())) {
      return this;
    }
    if (contribution.equals(current)) {
      return this;
    }
    Map<String, Contribution> next = new TreeMap<>(slots);
    next.put(contribution.slot(), contribution);
    return new PersonState(personId, version, next, digest, links);
  }

  PersonState emitted(long newVersion, String newDigest, Map<String, LinkMember> newLinks) {
    return new PersonState(personId, newVersion, slots, newDigest, newLinks);
  }

  public boolean hasActiveContribution() {
    return slots.values().stream().anyMatch(c -> !c.withdrawn());
  }
}
