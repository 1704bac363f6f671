package cn.jzz.hub.connector.file;

import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares a full dump with the previous one of the same source: {@code r} for each row that is new or
 * changed, {@code d} for each key that disappeared, nothing for unchanged rows — so dropping the same
 * file twice publishes nothing the second time. Only key → row hash is remembered between dumps.
 */
final class DumpDiff {

  private DumpDiff() {}

  /**
   * @param events what to publish
   * @param next the key → hash map to store once the events were published
   * @param removed keys that disappeared
   * @param duplicates rows whose key an earlier row of the same dump had (the later row wins)
   */
  record Result(List<RawEvent> events, Map<String, String> next, int removed, int duplicates) {}

  static Result diff(
      String source, String entity, Function<Map<String, Object>, String> keyOf, Map<String, String> previous, DumpTable table, Instant fileTime, String fileName) {
    Map<String, String> next = new LinkedHashMap<>();
    Map<String, RawEvent> upserts = new LinkedHashMap<>();
    int duplicates = 0;
    for (DumpTable.Row row : table.rows()) {
      String key = keyOf.apply(row.values());
      String hash = hash(row.values());
      if (next.put(key, hash) != null) {
        duplicates++;
        upserts.remove(key);
      }
      if (!hash.equals(previous.get(key))) {
        upserts.put(key, new RawEvent(source, entity, "r", key, row.values(), null, fileTime, fileName + "#" + row.number()));
      }
    }
    List<RawEvent> events = new ArrayList<>(upserts.values());
    int removed = 0;
    for (String key : previous.keySet()) {
      if (!next.containsKey(key)) {
        removed++;
        events.add(new RawEvent(source, entity, "d", key, null, null, fileTime, fileName + "#removed"));
      }
    }
    return new Result(events, next, removed, duplicates);
  }

  /** 16 hex characters of SHA-256 over the row as JSON: enough to tell a changed row, short to keep. */
  static String hash(Map<String, Object> row) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(row).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
