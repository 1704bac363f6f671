package cn.jzz.hub.connector;

import java.time.Instant;

/** What {@code GET /api/v1/sources} reports for one source. */
public record SourceStatus(
    String source,
    String type,
    State state,
    Instant lastEventTime,
    long eventsRead,
    String lastError) {

  public enum State {
    starting,
    running,
    paused,
    retrying,
    failed,
    stopped
  }
}
