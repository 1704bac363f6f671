package cn.jzz.hub.normalize;

import java.time.Instant;
import java.util.Map;

/**
 * Reference data that are not people (a compound, building, house or grid), in the unified schema's
 * terms; people attach to them through contribution fields such as {@code house_code}.
 *
 * @param kind {@code compound}, {@code building}, {@code house} or {@code grid}
 * @param code the record's code in that kind (house code, building code …)
 */
public record ReferenceRecord(
    String kind, String code, Map<String, Object> fields, String source, String recordKey, Instant sourceTime, boolean withdrawn) {

  public String key() {
    return kind + ":" + code;
  }
}
