package cn.jzz.hub.normalize;

import cn.jzz.hub.connector.RawEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * A source record the hub could not accept, kept with why, so it can be fixed and replayed. The raw
 * row may hold ID numbers: it is shown to admins only and never logged.
 *
 * @param id stable for the same raw event and reason, so storing it twice keeps one entry
 * @param event the raw event as it arrived, for replay (null when the event itself was unreadable)
 * @param raw the row (the event's {@code after}, or the unreadable value)
 * @param reason stable UPPER_SNAKE code ({@code BAD_CHECK_CHARACTER}, {@code NO_MAPPING}, …)
 */
public record QuarantinedRecord(
    String id,
    String source,
    String entity,
    String recordKey,
    Map<String, Object> raw,
    RawEvent event,
    String reason,
    String message,
    int mappingVersion,
    Instant sourceTime,
    Instant quarantinedAt) {

  /** A record without a raw event to replay (e.g. a document the index refused). */
  public QuarantinedRecord(
      String source, String entity, String recordKey, Map<String, Object> raw, String reason, String message, int mappingVersion,
      Instant sourceTime, Instant quarantinedAt) {
    this(stableId(source, recordKey, String.valueOf(sourceTime), reason, message), source, entity, recordKey, raw, null, reason, message,
        mappingVersion, sourceTime, quarantinedAt);
  }

  static QuarantinedRecord of(RawEvent event, String reason, String message, int mappingVersion, Instant now) {
    return new QuarantinedRecord(
        stableId(event.source(), event.recordKey(), String.valueOf(event.sourceTime()), String.valueOf(event.position()), reason),
        event.source(), event.entity(), event.recordKey(), event.after(), event, reason, message, mappingVersion, event.sourceTime(), now);
  }

  static QuarantinedRecord unreadable(String source, String key, String value, String message, Instant now) {
    return new QuarantinedRecord(
        stableId(source, key, value, "", "MALFORMED_EVENT"), source, "unknown", key, Map.of("value", value), null, "MALFORMED_EVENT", message, 0, null, now);
  }

  static String stableId(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "q" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
