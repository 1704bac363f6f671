package cn.jzz.hub.connector.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV dump in its configured encoding. Bytes that are not valid in that encoding make the file
 * unreadable (rather than silently turning names into mojibake); a UTF-8 byte-order mark is stripped.
 */
final class CsvDumpReader {

  /** The longest physical line read: far beyond any real row, far below what would strain the heap. */
  static final long MAX_LINE_CHARS = 1 << 20;

  private CsvDumpReader() {}

  static DumpTable read(Path file, FileDropOptions options) throws UnreadableFileException, IOException {
    CharsetDecoder decoder =
        options.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiterChar()).setIgnoreEmptyLines(true).get();
    long line = 0;
    try (Reader reader = new BufferedReader(new BoundedLineReader(new InputStreamReader(Files.newInputStream(file), decoder), MAX_LINE_CHARS), 64 * 1024)) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        DumpTable table = null;
        for (CSVRecord record : parser) {
          line = record.getRecordNumber();
          List<String> cells = new ArrayList<>(record.size());
          record.forEach(cells::add);
          if (table == null) {
            table = new DumpTable(cells, options.keyColumns(), options.maxRowsOrDefault(), options.maxCellCharsOrDefault());
          } else {
            table.add((int) record.getRecordNumber(), cells);
          }
        }
        if (table == null) {
          throw new UnreadableFileException("the file is empty; a dump needs at least the header row");
        }
        return table;
      }
    } catch (CharacterCodingException e) {
      throw notInCharset(options, line);
    } catch (BoundedLineReader.LineTooLongException e) {
      throw new UnreadableFileException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BoundedLineReader.LineTooLongException tooLong) {
        throw new UnreadableFileException(tooLong.getMessage(), tooLong);
      }
      if (e.getCause() instanceof CharacterCodingException) {
        throw notInCharset(options, line);
      }
      throw new UnreadableFileException("not valid CSV after record " + line + ": " + e.getCause().getMessage() + "; check quotes and the delimiter", e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UnreadableFileException("not valid CSV after record " + line + ": " + e.getMessage() + "; check quotes and the delimiter", e);
    }
  }

  private static UnreadableFileException notInCharset(FileDropOptions options, long line) {
    String other = options.charset().name().equalsIgnoreCase("GBK") ? "UTF-8" : "GBK";
    return new UnreadableFileException("the file is not valid " + options.charset().name() + " (after record " + line
        + "); save it as " + options.charset().name() + ", or if the department now sends " + other + ", set options.encoding: " + other
        + " in connectors/<source>.yaml");
  }
}
