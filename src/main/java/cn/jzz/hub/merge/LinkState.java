package cn.jzz.hub.merge;

import java.util.Map;
import java.util.TreeMap;

/**
 * One linked reference record as the merge sees it: who is linked to it, its data (for a house:
 * house → building → compound flattened into unified-schema fields), and what was last sent to each
 * member.
 *
 * @param sent person id → digest of the contributions last sent to them
 */
public record LinkState(String link, Map<String, LinkMember> members, Map<String, Object> view, Map<String, String> sent) {

  static LinkState empty(String link) {
    return new LinkState(link, Map.of(), null, Map.of());
  }

  LinkState withMember(LinkMember member) {
    Map<String, LinkMember> next = new TreeMap<>(members);
    if (member.left()) {
      next.remove(member.personId());
    } else {
      next.put(member.personId(), member);
    }
    return new LinkState(link, next, view, sent);
  }

  LinkState withView(Map<String, Object> newView) {
    return new LinkState(link, members, newView, sent);
  }

  LinkState withSent(Map<String, String> newSent) {
    return new LinkState(link, members, view, newSent);
  }
}
