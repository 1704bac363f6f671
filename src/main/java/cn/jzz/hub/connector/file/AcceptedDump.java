package cn.jzz.hub.connector.file;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RecordKeys;
import cn.jzz.hub.connector.StateStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a file source currently says: the rows of the last dump the hub accepted (the one its dump state
 * names), as the snapshot events the connector would publish for it. A dump held in {@code failed/} is
 * not part of it, so a refused truncated file changes no expectation. Reconciliation reads file sources
 * through this.
 */
public final class AcceptedDump {

  private AcceptedDump() {}

  /**
   * Hands every row of the source's last accepted dump to {@code sink}; nothing when no dump was accepted yet.
   *
   * @throws IOException when the accepted dump is gone or no longer readable (the message says which)
   */
  public static void read(String source, FileDropOptions options, HubProperties properties, RecordKeys keys, Consumer<RawEvent> sink) throws IOException {
    StateStore state = new StateStore(ConnectorContext.stateDir(properties, source));
    Optional<FileDropConnector.DumpState> accepted = state.read(FileDropConnector.STATE, new TypeReference<FileDropConnector.DumpState>() {});
    if (accepted.isEmpty() || accepted.get().file() == null) {
      return;
    }
    DumpFiles files = DumpFiles.of(properties, source);
    String name = accepted.get().file();
    // the state is stored before the file moves: a hub stopped in between left it in the inbox
    Path file = Files.exists(files.archive().resolve(name)) ? files.archive().resolve(name) : files.inbox().resolve(name);
    if (!Files.exists(file)) {
      throw new IOException("the last accepted dump " + name + " of source " + source + " is in neither " + files.archive() + " nor " + files.inbox()
          + "; put it back into the archive, or resync the source");
    }
    DumpTable table;
    try {
      table = DumpFiles.read(file, options);
    } catch (UnreadableFileException e) {
      throw new IOException("the last accepted dump " + file + " is no longer readable: " + e.getMessage(), e);
    }
    DumpDiff.Result all = DumpDiff.diff(source, options.entity(), row -> DumpFiles.keyOf(keys, source, options, row), Map.of(), table,
        Files.getLastModifiedTime(file).toInstant(), name);
    all.events().forEach(sink);
  }
}
