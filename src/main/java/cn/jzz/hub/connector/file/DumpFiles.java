package cn.jzz.hub.connector.file;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.RecordKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a file source's dumps live and how one is read and keyed: shared by the connector that ingests
 * them and by {@link AcceptedDump}, which reconciliation reads, so both see the same rows under the same keys.
 *
 * @param inbox where dumps are dropped
 * @param archive where accepted dumps are kept
 * @param failed where unusable or held dumps are parked with their reason
 */
record DumpFiles(Path inbox, Path archive, Path failed) {

  static DumpFiles of(HubProperties properties, String source) {
    Path data = properties.dataDir().toAbsolutePath().normalize();
    return new DumpFiles(data.resolve("inbox").resolve(source), data.resolve("archive").resolve(source), data.resolve("failed").resolve(source));
  }

  static DumpTable read(Path file, FileDropOptions options) throws UnreadableFileException, IOException {
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

  static String keyOf(RecordKeys keys, String source, FileDropOptions options, Map<String, Object> row) {
    List<String> values = new ArrayList<>(options.keyColumns().size());
    for (String column : options.keyColumns()) {
      Object value = row.get(column);
      values.add(value == null ? "" : value.toString());
    }
    return keys.key(source, options.entity(), values);
  }
}
