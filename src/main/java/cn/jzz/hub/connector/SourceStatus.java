package cn.jzz.hub.connector;

import java.time.Instant;

/**
 * What {@code GET /api/v1/sources} reports for one source, as its connector sees it.
 *
 * @param lag rows or files known to be waiting in the source, or null where the connector cannot
 *     tell (CDC: the database knows, the hub does not without asking it)
 */
public record SourceStatus(
    String source,
    String type,
    State state,
    Instant lastEventTime,
    long eventsRead,
    String lastError,
    Long lag) {

  public enum State {
    starting,
    running,
    paused,
    retrying,
    failed,
    stopped
  }
}
