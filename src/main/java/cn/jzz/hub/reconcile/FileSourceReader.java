package cn.jzz.hub.reconcile;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorCatalog.BoundConnector;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RecordKeys;
import cn.jzz.hub.connector.file.AcceptedDump;
import cn.jzz.hub.connector.file.FileDropOptions;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A file source says what its last accepted full dump says: rows of a dump the connector held back (a
 * suspicious shrink) or refused are expected nowhere, those of the dump it accepted last everywhere.
 */
final class FileSourceReader implements SourceReader {

  private final HubProperties properties;
  private final RecordKeys keys;

  FileSourceReader(HubProperties properties, RecordKeys keys) {
    this.properties = properties;
    this.keys = keys;
  }

  @Override
  public String type() {
    return "file";
  }

  @Override
  public void read(BoundConnector<?> connector, Consumer<RawEvent> sink) {
    if (!(connector.options() instanceof FileDropOptions options)) {
      throw new IllegalArgumentException("reader for file got options of " + connector.options().getClass().getSimpleName());
    }
    String source = connector.definition().source();
    try {
      AcceptedDump.read(source, options, properties, keys, sink);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SourceUnreadableException("cannot read source " + source + " (file): " + e.getMessage(), e);
    }
  }
}
