package cn.jzz.hub.normalize;

import java.time.Instant;
import java.util.Map;

/**
 * Reference data that are not people, as a source describes it: a compound, building or house (zjj),
 * a grid (zfw), an assistance family (mzj). Sent to {@code <ns>.reference} keyed {@link #key()}; the
 * merge joins people to it through their {@code house_code}, {@code grid_code} or {@code family_code}.
 *
 * @param kind one of {@link ReferenceKinds#KINDS}
 * @param code the record's code in its kind (house code, grid code, family id, …)
 * @param fields the kind's fields in the unified schema's terms ({@link ReferenceKinds})
 * @param withdrawn the source record was deleted or filtered: the record no longer holds
 */
public record ReferenceRecord(
    String kind, String code, Map<String, Object> fields, String source, String recordKey, Instant sourceTime, boolean withdrawn) {

  /** The Kafka key: {@code <kind>:<code>}. */
  public String key() {
    return kind + ":" + code;
  }

  static ReferenceRecord withdrawal(String key, String source, String recordKey, Instant sourceTime) {
    int colon = key.indexOf(':');
    return new ReferenceRecord(key.substring(0, colon), key.substring(colon + 1), Map.of(), source, recordKey, sourceTime, true);
  }
}
