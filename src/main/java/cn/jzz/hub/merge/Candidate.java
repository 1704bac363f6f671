package cn.jzz.hub.merge;

import java.time.Instant;

/** One source's value for one field of a person, before survivorship picks among them. */
record Candidate(Object value, String source, String recordKey, Instant sourceTime) {

  static final String DERIVED = "derived";

  static Candidate derived(Object value, String fromField) {
    return new Candidate(value, DERIVED, "from:" + fromField, Instant.EPOCH);
  }
}
