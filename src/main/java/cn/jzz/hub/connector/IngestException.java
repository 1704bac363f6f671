package cn.jzz.hub.connector;

/**
 * A failure while reading a source, classified once, where it is raised: {@link #retriable()} ones
 * (the source or Kafka is unreachable, busy or rate-limiting) are tried again with backoff and never
 * quarantine anything; permanent ones (bad configuration, refused credentials, an unreadable file)
 * are reported with source, stage and a reason that says how to fix them, and are not retried.
 */
public class IngestException extends RuntimeException {

  private final String source;
  private final String stage;
  private final boolean retriable;

  public IngestException(String source, String stage, String reason, boolean retriable, Throwable cause) {
    super(source + " [" + stage + "]: " + reason, cause);
    this.source = source;
    this.stage = stage;
    this.retriable = retriable;
  }

  public static IngestException retriable(String source, String stage, String reason, Throwable cause) {
    return new IngestException(source, stage, reason, true, cause);
  }

  public static IngestException permanent(String source, String stage, String reason) {
    return new IngestException(source, stage, reason, false, null);
  }

  public String source() {
    return source;
  }

  public String stage() {
    return stage;
  }

  public boolean retriable() {
    return retriable;
  }

  /**
   * The one place that decides whether a failure is worth retrying: ingest failures say so
   * themselves; I/O, timeouts and Kafka refusals are transient; anything else is a defect or a
   * configuration problem that retrying cannot fix.
   */
  public static boolean isRetriable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IngestException ingest) {
        return ingest.retriable();
      }
      if (t instanceof java.io.IOException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof java.sql.SQLTransientException
          || t instanceof java.sql.SQLRecoverableException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof RawEventPublisher.PublishFailedException
          || t instanceof org.apache.kafka.common.errors.RetriableException) {
        return true;
      }
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true; // connection exceptions: the database is down or restarting
      }
    }
    return false;
  }
}
