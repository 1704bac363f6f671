package cn.jzz.hub.connector.file;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.StateStore;
import cn.jzz.hub.connector.camel.CamelSourceConnector;
import cn.jzz.hub.support.PersonalNumbers;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full dumps dropped into {@code <data-dir>/inbox/<source>/}. A file is read, diffed against the
 * previous dump, published, the new dump state is stored, and only then the file moves to {@code
 * archive/<source>/}; a crash before the move reads it again, and the diff then publishes nothing
 * new. A file that cannot be used moves to {@code failed/<source>/} with {@code <name>.reason.txt}
 * beside it; the source keeps running. So does a dump that would withdraw more than
 * {@code max-removed-percent} of the previous one (a truncated export), until an operator accepts it.
 */
final class FileDropConnector extends CamelSourceConnector {

  private static final Logger log = LoggerFactory.getLogger(FileDropConnector.class);
  static final String STATE = "dump.json";
  /** Beside a dump in the inbox, accepts that one dump's shrink beyond max-removed-percent. */
  static final String ACCEPT_SHRINK = ".accept-shrink";
  private static final String REASON = ".reason.txt";
  /** Smaller dumps are not guarded: a few rows more or less of a tiny register is no sign of truncation. */
  private static final int MIN_ROWS_GUARDED = 100;

  /** What is remembered of the last dump: its file and key → row hash. */
  record DumpState(String file, Map<String, String> rows) {}

  private final FileDropOptions options;
  private final StateStore state;
  private final DumpFiles files;

  FileDropConnector(String source, String type, FileDropOptions options, ConnectorContext context) {
    super(source, type, context);
    this.options = options;
    this.state = context.state(source);
    this.files = DumpFiles.of(context.properties(), source);
  }

  @Override
  protected void prepare() throws IOException {
    Files.createDirectories(files.inbox());
    Files.createDirectories(files.archive());
    Files.createDirectories(files.failed());
  }

  @Override
  protected String fromUri() {
    // noop: the connector moves each file itself, after its events were published; readLock=changed
    // waits until a file being copied in stops growing.
    return "file:" + files.inbox() + "?noop=true&idempotent=false&readLock=changed&readLockCheckInterval=300&readLockMinAge=300"
        + "&sortBy=file:modified&exclude=RAW(^(\\.|~\\$).*|.*\\.(tmp|part|reason\\.txt|accept-shrink)$)&delay=" + options.pollIntervalMsOrDefault();
  }

  @Override
  protected void work(Exchange exchange) throws Exception {
    Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
    if (!Files.exists(file)) {
      return;
    }
    monitor.lag(countWaiting());
    ingest(file);
    monitor.lag(countWaiting());
  }

  /** Reads, diffs, publishes and files away one dump. Package-private for tests. */
  void ingest(Path file) throws Exception {
    String name = file.getFileName().toString();
    // A link could point anywhere the hub's user may read (another source's dump, /etc): only files
    // actually dropped into the inbox are read. The link itself moves to failed/, its target untouched.
    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      reject(file, "The hub did not read " + name, "it is a symbolic link or not a regular file; the hub reads only files copied into "
          + files.inbox() + ". Copy the dump itself into the inbox.");
      return;
    }
    DumpTable table;
    try {
      table = DumpFiles.read(file, options);
    } catch (UnreadableFileException e) {
      reject(file, "The hub could not read " + name, e.getMessage() + "\n\nFix the file and drop it into " + files.inbox() + " again.");
      return;
    }
    DumpState previous = state.read(STATE, new TypeReference<DumpState>() {}).orElse(new DumpState(null, Map.of()));
    Instant fileTime = Files.getLastModifiedTime(file).toInstant();
    DumpDiff.Result diff =
        DumpDiff.diff(source, options.entity(), row -> DumpFiles.keyOf(context.recordKeys(), source, options, row), previous.rows(), table, fileTime, name);
    Path accept = files.inbox().resolve(name + ACCEPT_SHRINK);
    boolean shrink = shrinksTooMuch(previous.rows().size(), diff.removed());
    if (shrink && !Files.exists(accept)) {
      reject(file, "The hub held " + name + " back", shrinkReason(name, previous, diff.removed()));
      return;
    }
    for (int from = 0; from < diff.events().size(); from += 1000) {
      List<RawEvent> batch = diff.events().subList(from, Math.min(from + 1000, diff.events().size()));
      publish(new ArrayList<>(batch));
    }
    state.write(STATE, new DumpState(name, diff.next()));
    move(file, files.archive().resolve(name));
    Files.deleteIfExists(accept);
    Files.deleteIfExists(files.failed().resolve(name + REASON));
    log.info("ingest.{}: {} read: {} rows, {} new or changed, {} removed{}{}", source, name, table.rows().size(),
        diff.events().size() - diff.removed(), diff.removed(), diff.duplicates() > 0 ? ", " + diff.duplicates() + " rows repeated an earlier key (the later one counts)" : "",
        shrink ? "; a shrink beyond max-removed-percent, accepted by " + name + ACCEPT_SHRINK : "");
  }

  /** The guard against a truncated or half-uploaded dump withdrawing everyone it lost. */
  private boolean shrinksTooMuch(int before, int removed) {
    return before >= MIN_ROWS_GUARDED && removed * 100L > (long) before * options.maxRemovedPercentOrDefault();
  }

  private String shrinkReason(String name, DumpState previous, int removed) {
    int before = previous.rows().size();
    return "this dump would remove " + removed + " of the " + before + " rows of the previous dump (" + previous.file() + "), more than options.max-removed-percent="
        + options.maxRemovedPercentOrDefault() + "%. Nothing was withdrawn: a truncated or half-uploaded export must not withdraw everyone it lost.\n\n"
        + "If the file is incomplete, drop the complete dump into " + files.inbox() + ".\n"
        + "If the removal is real, accept this one file: first create an empty file " + files.inbox().resolve(name + ACCEPT_SHRINK)
        + ", then move " + name + " back into " + files.inbox() + ". To accept such shrinks for good, raise options.max-removed-percent in connectors/"
        + source + ".yaml (100 disables the guard).";
  }

  private void reject(Path file, String headline, String reason) throws IOException {
    String name = file.getFileName().toString();
    move(file, files.failed().resolve(name));
    // The reason may quote what the file held (a header that was a data row): no numbers in clear.
    reason = PersonalNumbers.scrub(reason);
    Files.writeString(files.failed().resolve(name + REASON), headline + " (source " + source + "):\n" + reason + "\n", StandardCharsets.UTF_8);
    String summary = reason.lines().findFirst().orElse(reason);
    monitor.rejected(name + " moved to " + files.failed() + ": " + summary);
    log.warn("ingest.{}: {} moved to failed/: {}", source, name, summary);
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private Long countWaiting() {
    try (Stream<Path> waiting = Files.list(files.inbox())) {
      return waiting.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().endsWith(ACCEPT_SHRINK)).count();
    } catch (IOException e) {
      return null;
    }
  }
}
