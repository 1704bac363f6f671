package cn.jzz.hub.normalize;

import java.time.Instant;
import java.util.Map;

/** A source record the hub could not accept, kept with why, so it can be fixed and replayed. */
public record QuarantinedRecord(
    String source,
    String entity,
    String recordKey,
    Map<String, Object> raw,
    String reason,
    String message,
    int mappingVersion,
    Instant sourceTime,
    Instant quarantinedAt) {
}
