package cn.jzz.hub.merge;

import java.time.Instant;

/**
 * A person's link to a reference record (a house they live in, the assistance family they belong to,
 * their insurance record), as the link stage needs to know it. Sent keyed by the link
 * ({@code house:H1}, {@code family:F7}) whenever it changes.
 *
 * @param active the person is 在册 (a dead or moved-away person no longer counts as living there)
 * @param left the person is no longer linked
 */
public record LinkMember(String personId, String link, String birthDate, boolean active, String relation, boolean left, Instant at) {

  boolean sameFacts(LinkMember other) {
    return other != null
        && personId.equals(other.personId)
        && link.equals(other.link)
        && java.util.Objects.equals(birthDate, other.birthDate)
        && active == other.active
        && java.util.Objects.equals(relation, other.relation)
        && left == other.left;
  }

  LinkMember leaving(Instant now) {
    return new LinkMember(personId, link, birthDate, active, relation, true, now);
  }

  String kind() {
    return link.substring(0, link.indexOf(':'));
  }
}
