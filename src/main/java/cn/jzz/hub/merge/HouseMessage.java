package cn.jzz.hub.merge;

import java.util.Map;

/**
 * A message to the house stage, keyed by house code: a member joined, changed or left, or the house's
 * reference data (house, building, compound as one view) changed.
 */
public record HouseMessage(HouseMember member, Map<String, Object> view) {

  static HouseMessage member(HouseMember member) {
    return new HouseMessage(member, null);
  }

  static HouseMessage view(Map<String, Object> view) {
    return new HouseMessage(null, view);
  }
}
