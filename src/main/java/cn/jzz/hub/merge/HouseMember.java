package cn.jzz.hub.merge;

import java.time.Instant;

/**
 * What the house stage needs to know of a person linked to a house: enough to derive co-resident tags
 * (独居, 空巢) and the house's occupancy. Sent keyed by house code whenever it changes.
 *
 * @param active the person is 在册 (a dead or moved-away person no longer counts as living there)
 * @param left the person is no longer linked to this house
 */
public record HouseMember(String personId, String houseCode, String birthDate, boolean active, String relation, boolean left, Instant at) {

  boolean sameFacts(HouseMember other) {
    return other != null
        && personId.equals(other.personId)
        && houseCode.equals(other.houseCode)
        && java.util.Objects.equals(birthDate, other.birthDate)
        && active == other.active
        && java.util.Objects.equals(relation, other.relation)
        && left == other.left;
  }
}
