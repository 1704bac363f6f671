package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.RawEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium change records into {@link RawEvent}s. Column values keep the meaning they had in the
 * source: a {@code timestamp without time zone} stays a local date-time (Debezium encodes it as epoch
 * micros of the wall clock, and reading that as an instant would shift it by eight hours).
 */
final class DebeziumRecords {

  private DebeziumRecords() {}

  /** Null for records that are not row changes (heartbeats, tombstones, schema changes). */
  static RawEvent toRawEvent(String source, SourceRecord record) {
    if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
      return null;
    }
    Struct sourceInfo = envelope.getStruct("source");
    String op = envelope.getString("op");
    String entity = sourceInfo.getString("table").toLowerCase(Locale.ROOT);
    Map<String, Object> after = toMap(envelope.getStruct("after"));
    Map<String, Object> before = toMap(envelope.getStruct("before"));
    Long tsMs = sourceInfo.getInt64("ts_ms");
    Instant sourceTime = tsMs == null ? Instant.now() : Instant.ofEpochMilli(tsMs);
    return new RawEvent(source, entity, op, keyOf(record), after, before, sourceTime, position(sourceInfo));
  }

  private static String keyOf(SourceRecord record) {
    if (!(record.key() instanceof Struct key)) {
      return String.valueOf(record.key());
    }
    StringJoiner joined = new StringJoiner("|");
    for (Field field : key.schema().fields()) {
      joined.add(String.valueOf(plain(field.schema(), key.get(field))));
    }
    return joined.toString();
  }

  private static String position(Struct sourceInfo) {
    StringJoiner position = new StringJoiner(",");
    for (String name : new String[] {"lsn", "file", "pos", "row", "gtid"}) {
      if (sourceInfo.schema().field(name) != null && sourceInfo.get(name) != null) {
        position.add(name + "=" + sourceInfo.get(name));
      }
    }
    return position.toString();
  }

  static Map<String, Object> toMap(Struct struct) {
    if (struct == null) {
      return null;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Field field : struct.schema().fields()) {
      row.put(field.name().toLowerCase(Locale.ROOT), plain(field.schema(), struct.get(field)));
    }
    return row;
  }

  private static Object plain(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    String logical = schema.name();
    if (logical != null) {
      switch (logical) {
        case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date":
          return value instanceof java.util.Date d
              ? LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString()
              : LocalDate.ofEpochDay(((Number) value).longValue()).toString();
        case "io.debezium.time.MicroTimestamp":
          return wallClock(((Number) value).longValue() / 1_000_000, ((Number) value).longValue() % 1_000_000 * 1000);
        case "io.debezium.time.Timestamp", "org.apache.kafka.connect.data.Timestamp":
          long ms = value instanceof java.util.Date d ? d.getTime() : ((Number) value).longValue();
          return wallClock(Math.floorDiv(ms, 1000), Math.floorMod(ms, 1000) * 1_000_000L);
        case "io.debezium.time.NanoTimestamp":
          long ns = ((Number) value).longValue();
          return wallClock(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
        case "io.debezium.time.MicroTime":
          return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1000).toString();
        default:
          break;
      }
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof java.nio.ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Struct nested) {
      return toMap(nested);
    }
    return value;
  }

  private static String wallClock(long epochSecond, long nanos) {
    // ISO_LOCAL_DATE_TIME always writes the seconds; toString() drops ":00", which reads as a different format.
    return LocalDateTime.ofEpochSecond(epochSecond, (int) nanos, ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }
}
