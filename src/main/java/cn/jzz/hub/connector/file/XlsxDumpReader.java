package cn.jzz.hub.connector.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads one sheet of an XLSX dump with POI's streaming (SAX) API, so memory stays flat whatever the
 * sheet's size. Every cell arrives as Excel shows it: a number in General format is rendered the way
 * Excel renders it, so an ID number stored as a number arrives as {@code 3.70811E+17} — the digits are
 * lost in the file itself, and the mapping must reject such a row rather than guess.
 */
final class XlsxDumpReader {

  static {
    // Zip-bomb guards: an entry may not inflate more than 100-fold nor beyond 500 MB.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(500L * 1024 * 1024);
  }

  private XlsxDumpReader() {}

  static DumpTable read(Path file, FileDropOptions options) throws UnreadableFileException, IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          if (options.sheet() == null || options.sheet().equals(name)) {
            return parse(sheet, styles, strings, options);
          }
        }
      }
      throw new UnreadableFileException("the workbook has no sheet '" + options.sheet() + "' (sheets: " + names
          + "); rename the sheet, or set options.sheet in connectors/<source>.yaml");
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      throw new UnreadableFileException("not an XLSX workbook (" + e.getMessage() + "); save it from Excel as .xlsx (an old .xls is not read)", e);
    } catch (OpenXML4JException | SAXException e) {
      throw new UnreadableFileException("the workbook is damaged: " + e.getMessage() + "; export it again", e);
    } catch (IOException | IllegalStateException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("max entry size") || message.contains("MAX_ENTRY_SIZE")) {
        throw new UnreadableFileException("refused as a possible zip bomb (" + firstLine(message) + "); a real export of this size inflates far less — export it again", e);
      }
      if (e instanceof IOException io && !(e.getCause() instanceof org.apache.poi.openxml4j.exceptions.InvalidFormatException)) {
        throw new UnreadableFileException("the workbook cannot be read: " + firstLine(message) + "; save it from Excel as .xlsx again", io);
      }
      throw new UnreadableFileException("the workbook cannot be read: " + firstLine(message), e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static DumpTable parse(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings, FileDropOptions options)
      throws IOException, SAXException, UnreadableFileException {
    Rows rows = new Rows(options);
    XMLReader parser;
    try {
      parser = SAXHelper.newXMLReader();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser", e);
    }
    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(java.util.Locale.ROOT), false));
    try {
      parser.parse(new InputSource(sheet));
    } catch (SAXException e) {
      if (e.getCause() instanceof StopReading stop) {
        throw stop.reason;
      }
      throw e;
    } catch (StopReading stop) {
      throw stop.reason;
    }
    if (rows.table == null) {
      throw new UnreadableFileException("the sheet is empty; a dump needs at least the header row");
    }
    return rows.table;
  }

  /** Carries a limit violation out of the SAX callbacks, which may not throw checked exceptions. */
  private static final class StopReading extends RuntimeException {
    final UnreadableFileException reason;

    StopReading(UnreadableFileException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }
  }

  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final FileDropOptions options;
    private DumpTable table;
    private List<String> cells = new ArrayList<>();

    Rows(FileDropOptions options) {
      this.options = options;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      try {
        if (table == null) {
          if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return; // leading blank rows before the header
          }
          table = new DumpTable(cells, options.keyColumns(), options.maxRowsOrDefault(), options.maxCellCharsOrDefault());
        } else {
          table.add(rowNum + 1, cells);
        }
      } catch (UnreadableFileException e) {
        throw new StopReading(e);
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
      if (column > 16_384) {
        throw new StopReading(new UnreadableFileException("cell " + cellReference + " lies beyond Excel's last column"));
      }
      while (cells.size() < column) {
        cells.add("");
      }
      if (formattedValue != null && formattedValue.length() > options.maxCellCharsOrDefault()) {
        throw new StopReading(new UnreadableFileException("cell " + cellReference + " holds " + formattedValue.length()
            + " characters; the limit is " + options.maxCellCharsOrDefault() + " (options.max-cell-chars)"));
      }
      cells.add(formattedValue == null ? "" : formattedValue);
    }
  }
}
