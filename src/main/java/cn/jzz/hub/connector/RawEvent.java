package cn.jzz.hub.connector;

import java.time.Instant;
import java.util.Map;

/**
 * One change read from a departmental system, as it was there: the connector neither renames nor
 * interprets columns (that is the mapping's job), so a mapping change can be replayed over it.
 *
 * @param source source id ({@code gaj})
 * @param entity table or resource, lower case ({@code rk_jbxx})
 * @param op {@code c} create, {@code u} update, {@code d} delete, {@code r} read during a snapshot or
 *     a full dump
 * @param key the source record's primary key, as text
 * @param after the row after the change (null for a delete)
 * @param before the row before the change, where the source tells it
 * @param sourceTime when the change happened in the source system, as an instant
 * @param position where in the source this event sits (LSN, binlog position, watermark, file);
 *     opaque, for diagnostics and ordering of events with the same key
 */
public record RawEvent(
    String source,
    String entity,
    String op,
    String key,
    Map<String, Object> after,
    Map<String, Object> before,
    Instant sourceTime,
    String position) {

  public boolean isDelete() {
    return "d".equals(op);
  }

  /** The Kafka key: the source record key, never a person's ID number. */
  public String recordKey() {
    return entity + ":" + key;
  }
}
