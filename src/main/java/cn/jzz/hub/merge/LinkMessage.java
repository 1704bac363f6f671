package cn.jzz.hub.merge;

import java.util.Map;

/**
 * A message to the link stage, keyed by the link ({@code house:H1}): a member joined, changed or left,
 * or the linked reference data changed (for a house: house, building and compound as one view).
 */
public record LinkMessage(LinkMember member, Map<String, Object> view) {

  static LinkMessage member(LinkMember member) {
    return new LinkMessage(member, null);
  }

  static LinkMessage view(Map<String, Object> view) {
    return new LinkMessage(null, view);
  }
}
