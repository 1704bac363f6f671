package cn.jzz.hub.merge;

import java.util.Map;
import java.util.TreeMap;

/**
 * One house as the merge sees it: who is linked to it, its reference data (house → building → compound,
 * flattened into unified-schema fields), and what was last sent to each member.
 *
 * @param sent person id → digest of the derived contributions last sent to them
 */
public record HouseState(String houseCode, Map<String, HouseMember> members, Map<String, Object> view, Map<String, String> sent) {

  static HouseState empty(String houseCode) {
    return new HouseState(houseCode, Map.of(), null, Map.of());
  }

  HouseState withMember(HouseMember member) {
    Map<String, HouseMember> next = new TreeMap<>(members);
    if (member.left()) {
      next.remove(member.personId());
    } else {
      next.put(member.personId(), member);
    }
    return new HouseState(houseCode, next, view, sent);
  }

  HouseState withView(Map<String, Object> newView) {
    return new HouseState(houseCode, members, newView, sent);
  }

  HouseState withSent(Map<String, String> newSent) {
    return new HouseState(houseCode, members, view, newSent);
  }
}
