package cn.jzz.hub.reconcile;

import cn.jzz.hub.connector.ConnectorCatalog.BoundConnector;
import cn.jzz.hub.connector.RawEvent;
import java.util.function.Consumer;

/**
 * Reads the current full content of one source, as the raw events its connector would publish for
 * it in a snapshot ({@code op = r}): the same entities, keys and column values, so the mappings apply
 * to them unchanged. One reader serves a connector type, configured by the source's own
 * {@code connectors/<source>.yaml} options; reconciliation therefore reads each department through the
 * definition the hub ingests it by, never a second copy of it.
 */
public interface SourceReader {

  /** The connector type this reader serves ({@code cdc-postgres}, {@code jdbc-poll}, …). */
  String type();

  /**
   * Hands every current row of the source to {@code sink}, in no particular order.
   *
   * @throws SourceUnreadableException when the source cannot be read now (the report names it)
   */
  void read(BoundConnector<?> connector, Consumer<RawEvent> sink);

  /** The source could not be read; the message says which and why. */
  class SourceUnreadableException extends RuntimeException {
    public SourceUnreadableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
