package cn.jzz.hub.merge;

import cn.jzz.hub.normalize.Contribution;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the hub knows of one person: the latest contribution of every source record that ever
 * spoke of them. Withdrawn contributions stay as markers so a replayed older event cannot revive them.
 *
 * @param version raised on every change; the index refuses to let a lower version overwrite a higher
 */
public record PersonState(String personId, long version, Map<String, Contribution> slots) {

  public static PersonState empty(String personId) {
    return new PersonState(personId, 0, Map.of());
  }

  /** The state after this contribution; unchanged if it is older than what the slot holds. */
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
    return new PersonState(personId, version + 1, next);
  }

  public boolean hasActiveContribution() {
    return slots.values().stream().anyMatch(c -> !c.withdrawn());
  }
}
