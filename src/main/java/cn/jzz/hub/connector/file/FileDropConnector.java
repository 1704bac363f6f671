package cn.jzz.hub.connector.file;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.StateStore;
import cn.jzz.hub.connector.camel.CamelSourceConnector;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * beside it; the source keeps running.
 */
final class FileDropConnector extends CamelSourceConnector {

  private static final Logger log = LoggerFactory.getLogger(FileDropConnector.class);
  static final String STATE = "dump.json";

  /** What is remembered of the last dump: its file and key → row hash. */
  record DumpState(String file, Map<String, String> rows) {}

  private final FileDropOptions options;
  private final StateStore state;
  private final Path inbox;
  private final Path archive;
  private final Path failed;

  FileDropConnector(String source, String type, FileDropOptions options, ConnectorContext context) {
    super(source, type, context);
    this.options = options;
    this.state = context.state(source);
    Path data = context.properties().dataDir().toAbsolutePath().normalize();
    this.inbox = data.resolve("inbox").resolve(source);
    this.archive = data.resolve("archive").resolve(source);
    this.failed = data.resolve("failed").resolve(source);
  }

  @Override
  protected void prepare() throws IOException {
    Files.createDirectories(inbox);
    Files.createDirectories(archive);
    Files.createDirectories(failed);
  }

  @Override
  protected String fromUri() {
    // noop: the connector moves each file itself, after its events were published; readLock=changed
    // waits until a file being copied in stops growing.
    return "file:" + inbox + "?noop=true&idempotent=false&readLock=changed&readLockCheckInterval=300&readLockMinAge=300"
        + "&sortBy=file:modified&exclude=RAW(^(\\.|~\\$).*|.*\\.(tmp|part|reason\\.txt)$)&delay=" + options.pollIntervalMsOrDefault();
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
    DumpTable table;
    try {
      table = read(file);
    } catch (UnreadableFileException e) {
      reject(file, e.getMessage());
      return;
    }
    DumpState previous = state.read(STATE, new TypeReference<DumpState>() {}).orElse(new DumpState(null, Map.of()));
    Instant fileTime = Files.getLastModifiedTime(file).toInstant();
    DumpDiff.Result diff =
        DumpDiff.diff(source, options.entity(), this::keyOf, previous.rows(), table, fileTime, name);
    int before = previous.rows().size();
    if (before >= 100 && diff.removed() * 100L > (long) before * options.maxRemovedPercentOrDefault()) {
      reject(file, "this dump would remove " + diff.removed() + " of the " + before + " rows of the previous dump (" + previous.file()
          + "), more than options.max-removed-percent=" + options.maxRemovedPercentOrDefault()
          + "%; a truncated export must not withdraw everyone — if the removal is real, raise the limit or resync the source and drop the file again");
      return;
    }
    for (int from = 0; from < diff.events().size(); from += 1000) {
      List<RawEvent> batch = diff.events().subList(from, Math.min(from + 1000, diff.events().size()));
      publish(new ArrayList<>(batch));
    }
    state.write(STATE, new DumpState(name, diff.next()));
    move(file, archive.resolve(name));
    log.info("ingest.{}: {} read: {} rows, {} new or changed, {} removed{}", source, name, table.rows().size(),
        diff.events().size() - diff.removed(), diff.removed(), diff.duplicates() > 0 ? ", " + diff.duplicates() + " rows repeated an earlier key (the later one counts)" : "");
  }

  private DumpTable read(Path file) throws UnreadableFileException, IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    long size = Files.size(file);
    if (size > options.maxFileBytes()) {
      throw new UnreadableFileException("the file has " + size + " bytes; the limit is " + options.maxFileBytes()
          + " (options.max-file-mb); split the dump or raise the limit");
    }
    if ("csv".equals(options.format())) {
      if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
        throw new UnreadableFileException("expected a .csv file for this source; save the dump as CSV (" + options.charset().name() + ")");
      }
      return CsvDumpReader.read(file, options);
    }
    if (!name.endsWith(".xlsx")) {
      throw new UnreadableFileException("expected an .xlsx workbook for this source" + (name.endsWith(".xls") ? "; an old .xls is not read, save it as .xlsx" : ""));
    }
    return XlsxDumpReader.read(file, options);
  }

  private String keyOf(Map<String, Object> row) {
    List<String> values = new ArrayList<>(options.keyColumns().size());
    for (String column : options.keyColumns()) {
      Object value = row.get(column);
      values.add(value == null ? "" : value.toString());
    }
    return context.recordKeys().key(source, options.entity(), values);
  }

  private void reject(Path file, String reason) throws IOException {
    String name = file.getFileName().toString();
    move(file, failed.resolve(name));
    Files.writeString(failed.resolve(name + ".reason.txt"),
        "The hub could not read " + name + " of source " + source + ":\n" + reason + "\n\nFix the file and drop it into " + inbox + " again.\n",
        StandardCharsets.UTF_8);
    monitor.rejected(name + " moved to " + failed + ": " + reason);
    log.warn("ingest.{}: {} moved to failed/: {}", source, name, reason);
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private Long countWaiting() {
    try (Stream<Path> files = Files.list(inbox)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      return null;
    }
  }
}
