package cn.jzz.hub.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorFixtures;
import cn.jzz.hub.connector.RawEvent;
import java.io.ByteArrayOutputStream;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full-dump diff, encodings and the guards, on files in a temporary data directory (no services). */
class FileDropConnectorTest {

  private static final Charset GBK = Charset.forName("GBK");
  private static final String HEADER = "姓名,身份证号,残疾人证号,残疾类别,残疾等级,发证日期,联系电话,现居住地\n";

  @TempDir Path data;
  private MockProducer<String, String> producer;
  private ConnectorContext context;

  @BeforeEach
  void setUp() {
    producer = ConnectorFixtures.mockProducer();
    context = ConnectorFixtures.context(ConnectorFixtures.properties(data, "unused:9092", "t"), producer, null, s -> s);
  }

  private FileDropConnector clj(Integer maxFileMb) throws Exception {
    FileDropConnector connector =
        new FileDropConnector("clj", "file", new FileDropOptions("csv", "cjr", List.of("身份证号"), "GBK", null, null, maxFileMb, null, 64, null, null), context);
    connector.prepare();
    return connector;
  }

  private Path drop(String source, String name, byte[] content) throws Exception {
    Path file = data.resolve("inbox").resolve(source).resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return file;
  }

  private List<RawEvent> ingest(FileDropConnector connector, Path file) throws Exception {
    int before = producer.history().size();
    connector.ingest(file);
    List<RawEvent> all = ConnectorFixtures.sent(producer);
    return all.subList(before, all.size());
  }

  private static String row(String name, String id, String grade) {
    return name + "," + id + ",CJZ" + id.substring(10) + ",肢体," + grade + ",2019年3月2日,13800000000,济宁市任城区\n";
  }

  @Test
  void aSecondDumpEmitsChangedNewAndRemovedRowsAndTheSameDumpAgainEmitsNothing() throws Exception {
    FileDropConnector connector = clj(null);
    String a = row("张三", "370811199001011234", "一级");
    String b = row("李·四", "370811199002021234", "二级");
    String c = row("王五", "370811199003031234", "三级");
    List<RawEvent> first = ingest(connector, drop("clj", "残疾人_202610.csv", (HEADER + a + b + c).getBytes(GBK)));
    assertThat(first).extracting(RawEvent::op).containsExactly("r", "r", "r");
    assertThat(first.get(1).after()).containsEntry("姓名", "李·四").containsEntry("发证日期", "2019年3月2日");
    assertThat(first).allSatisfy(e -> assertThat(e.key()).matches("h[0-9a-f]{32}").doesNotContain("37081119"));
    assertThat(Files.exists(data.resolve("archive/clj/残疾人_202610.csv"))).isTrue();
    assertThat(Files.exists(data.resolve("inbox/clj/残疾人_202610.csv"))).isFalse();

    String b2 = row("李·四", "370811199002021234", "一级");
    String d = row("赵六", "370811199004041234", "四级");
    List<RawEvent> second = ingest(connector, drop("clj", "残疾人_202611.csv", (HEADER + a + b2 + d).getBytes(GBK)));
    assertThat(second).extracting(e -> e.op() + ":" + (e.after() == null ? e.key() : e.after().get("姓名")))
        .containsExactly("r:李·四", "r:赵六", "d:" + first.get(2).key());
    assertThat(second.get(0).key()).isEqualTo(first.get(1).key());

    assertThat(ingest(connector, drop("clj", "残疾人_202611.csv", (HEADER + a + b2 + d).getBytes(GBK)))).isEmpty();
  }

  @Test
  void aUtf8ByteOrderMarkIsStrippedFromTheFirstHeader() throws Exception {
    FileDropConnector xfj = new FileDropConnector("xfj", "file", new FileDropOptions("csv", "xfry", List.of("身份证号"), "UTF-8", null, null, null, null, null, null, null), context);
    xfj.prepare();
    byte[] body = "身份证号,姓名,风险等级,列管日期,状态\n370811199001011234,张三,高,2026-01-02,列管\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    List<RawEvent> events = ingest(xfj, drop("xfj", "信访_2026W47.csv", withBom));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.after()).containsOnlyKeys("身份证号", "姓名", "风险等级", "列管日期", "状态"));
  }

  @Test
  void aFileInAnotherEncodingGoesToFailedWithAReasonNamingTheFix() throws Exception {
    FileDropConnector connector = clj(null);
    byte[] utf8 = (HEADER + row("张三", "370811199001011234", "一级")).getBytes(StandardCharsets.UTF_8);
    FileDropConnector xfjStyle =
        new FileDropConnector("clj", "file", new FileDropOptions("csv", "cjr", List.of("身份证号"), "UTF-8", null, null, null, null, null, null, null), context);
    xfjStyle.prepare();
    assertThat(ingest(xfjStyle, drop("clj", "gbk-as-utf8.csv", (HEADER + row("张三", "370811199001011234", "一级")).getBytes(GBK)))).isEmpty();
    assertThat(reason("clj", "gbk-as-utf8.csv")).contains("not valid UTF-8").contains("options.encoding: GBK");

    assertThat(ingest(connector, drop("clj", "utf8-as-gbk.csv", utf8))).isEmpty();
    assertThat(Files.exists(data.resolve("failed/clj/utf8-as-gbk.csv"))).isTrue();
    assertThat(reason("clj", "utf8-as-gbk.csv")).containsAnyOf("not valid GBK", "has no column [身份证号]");
  }

  @Test
  void guardsRefuseOversizedFilesLongCellsMissingKeysAndUnbalancedQuotes() throws Exception {
    FileDropConnector connector = clj(1);
    byte[] big = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    ingest(connector, drop("clj", "big.csv", big));
    assertThat(reason("clj", "big.csv")).contains("the limit is 1048576 (options.max-file-mb)");

    ingest(connector, drop("clj", "long.csv", (HEADER + "张三,370811199001011234," + "x".repeat(100) + ",肢体,一级,,,\n").getBytes(GBK)));
    assertThat(reason("clj", "long.csv")).contains("row 2, column '残疾人证号' holds 100 characters; the limit is 64");

    ingest(connector, drop("clj", "nokey.csv", "姓名,证件号\n张三,370811199001011234\n".getBytes(GBK)));
    assertThat(reason("clj", "nokey.csv")).contains("no column [身份证号]").contains("found [姓名, 证件号]");

    ingest(connector, drop("clj", "quote.csv", (HEADER + "\"张三,370811199001011234,,,,,,\n").getBytes(GBK)));
    assertThat(reason("clj", "quote.csv")).containsAnyOf("not valid CSV", "holds");

    ingest(connector, drop("clj", "old.xls", new byte[] {1, 2, 3}));
    assertThat(reason("clj", "old.xls")).contains("expected a .csv file");
    assertThat(producer.history()).isEmpty();
    assertThat(connector.status().lastError()).contains("old.xls");
  }

  @Test
  void aFileWithoutItsHeaderIsRefusedWithoutQuotingTheResidentInItsFirstRow() throws Exception {
    FileDropConnector connector = clj(null);
    ingest(connector, drop("clj", "noheader.csv", row("张三", "370811199001011234", "一级").getBytes(GBK)));
    String reason = reason("clj", "noheader.csv");
    assertThat(reason).contains("no column [身份证号]").contains("looks like a data row");
    assertThat(reason).doesNotContain("370811199001011234").doesNotContain("13800000000").doesNotContain("张三");
    assertThat(connector.status().lastError()).doesNotContain("370811199001011234").doesNotContain("张三");
  }

  @Test
  void aSymbolicLinkInTheInboxIsMovedAsideUnreadAndItsTargetUntouched() throws Exception {
    FileDropConnector connector = clj(null);
    Path secret = data.resolve("elsewhere.csv");
    Files.write(secret, (HEADER + row("张三", "370811199001011234", "一级")).getBytes(GBK));
    Path link = data.resolve("inbox/clj/link.csv");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, secret);
    assertThat(ingest(connector, link)).isEmpty();
    assertThat(Files.isSymbolicLink(data.resolve("failed/clj/link.csv"))).isTrue();
    assertThat(secret).exists();
    assertThat(Files.readString(data.resolve("failed/clj/link.csv.reason.txt"))).contains("symbolic link").doesNotContain("370811199001011234");
  }

  @Test
  void aHugeRowIsRefusedWhileReadingNotAfterItIsHeld() throws Exception {
    FileDropConnector connector = clj(null);
    // two million one-character cells: no cell is long, the row is
    String huge = "张三,370811199001011234" + ",a".repeat(1_000_000) + "\n";
    assertThat(ingest(connector, drop("clj", "huge-row.csv", (HEADER + huge).getBytes(GBK)))).isEmpty();
    assertThat(reason("clj", "huge-row.csv")).contains("line 2 is longer than 1048576 characters");
    // the connector goes on with the next file
    assertThat(ingest(connector, drop("clj", "fine.csv", (HEADER + row("李四", "370811199001011234", "一级")).getBytes(GBK)))).hasSize(1);
  }

  @Test
  void aDumpThatWouldWithdrawMostRowsIsHeldUntilAnOperatorAcceptsIt() throws Exception {
    FileDropConnector connector = clj(null);
    StringBuilder full = new StringBuilder(HEADER);
    for (int i = 0; i < 120; i++) {
      full.append(row("某" + i, String.format("3708111990010%05d", i), "一级"));
    }
    assertThat(ingest(connector, drop("clj", "full.csv", full.toString().getBytes(GBK)))).hasSize(120);
    byte[] truncated = (HEADER + row("某0", "370811199001000000", "一级")).getBytes(GBK);
    assertThat(ingest(connector, drop("clj", "truncated.csv", truncated))).isEmpty();
    assertThat(reason("clj", "truncated.csv"))
        .contains("held truncated.csv back")
        .contains("would remove 119 of the 120 rows of the previous dump (full.csv)")
        .contains("max-removed-percent=50%")
        .contains("Nothing was withdrawn")
        .contains("truncated.csv.accept-shrink");
    assertThat(acceptedKeys()).as("the held file changed no expectation").hasSize(120);

    Files.createFile(data.resolve("inbox/clj/truncated.csv.accept-shrink"));
    Files.move(data.resolve("failed/clj/truncated.csv"), data.resolve("inbox/clj/truncated.csv"));
    List<RawEvent> accepted = ingest(connector, data.resolve("inbox/clj/truncated.csv"));
    assertThat(accepted).hasSize(119).extracting(RawEvent::op).containsOnly("d");
    assertThat(data.resolve("inbox/clj/truncated.csv.accept-shrink")).doesNotExist();
    assertThat(data.resolve("failed/clj/truncated.csv.reason.txt")).doesNotExist();
    assertThat(data.resolve("archive/clj/truncated.csv")).exists();
    assertThat(acceptedKeys()).hasSize(1);

    // the marker accepted that one file: the next shrink is held again
    StringBuilder grown = new StringBuilder(HEADER);
    for (int i = 0; i < 200; i++) {
      grown.append(row("某" + i, String.format("3708111990010%05d", i), "一级"));
    }
    assertThat(ingest(connector, drop("clj", "grown.csv", grown.toString().getBytes(GBK)))).hasSize(199);
    assertThat(ingest(connector, drop("clj", "again.csv", truncated))).isEmpty();
    assertThat(reason("clj", "again.csv")).contains("would remove 199 of the 200 rows");
  }

  @Test
  void aShrinkWithinTheConfiguredLimitWithdrawsTheMissingRows() throws Exception {
    FileDropConnector connector = new FileDropConnector("clj", "file",
        new FileDropOptions("csv", "cjr", List.of("身份证号"), "GBK", null, null, null, null, 64, 80, null), context);
    connector.prepare();
    StringBuilder full = new StringBuilder(HEADER);
    StringBuilder shrunk = new StringBuilder(HEADER);
    for (int i = 0; i < 150; i++) {
      String row = row("某" + i, String.format("3708111990010%05d", i), "一级");
      full.append(row);
      if (i % 4 == 0) {
        shrunk.append(row);
      }
    }
    ingest(connector, drop("clj", "full.csv", full.toString().getBytes(GBK)));
    List<RawEvent> events = ingest(connector, drop("clj", "shrunk.csv", shrunk.toString().getBytes(GBK)));
    assertThat(events).as("75% of the rows gone, within max-removed-percent: 80").hasSize(112).extracting(RawEvent::op).containsOnly("d");
    assertThat(acceptedKeys()).hasSize(38);
  }

  @Test
  void theRemovedPercentMustBeAShare() {
    FileDropOptions options = new FileDropOptions("csv", "cjr", List.of("身份证号"), null, null, null, null, null, null, 101, null);
    assertThat(options.validate()).extracting(p -> p.path()).containsExactly("max-removed-percent");
  }

  /** The keys of the rows reconciliation expects of clj: its last accepted dump. */
  private List<String> acceptedKeys() throws Exception {
    List<String> keys = new java.util.ArrayList<>();
    FileDropOptions options = new FileDropOptions("csv", "cjr", List.of("身份证号"), "GBK", null, null, null, null, 64, null, null);
    AcceptedDump.read("clj", options, context.properties(), context.recordKeys(), e -> keys.add(e.key()));
    return keys;
  }

  @Test
  void xlsxNumbersArriveAsExcelShowsThemSoACorruptIdIsVisibleAsSuch() throws Exception {
    FileDropConnector tyjrj = new FileDropConnector("tyjrj", "file",
        new FileDropOptions("xlsx", "yfdx", List.of("公民身份号码", "优抚类别"), null, null, "优抚对象", null, null, null, null, null), context);
    tyjrj.prepare();
    List<RawEvent> events = ingest(tyjrj, drop("tyjrj", "优抚对象.xlsx", workbook("优抚对象", 0)));
    assertThat(events).hasSize(2);
    assertThat(events.get(0).after()).containsEntry("公民身份号码", "370811199001011234").containsEntry("序号", "1").containsEntry("入伍年月", "2001.12");
    assertThat(events.get(1).after()).containsEntry("公民身份号码", "3.70811E+17");

    ingest(tyjrj, drop("tyjrj", "wrong-sheet.xlsx", workbook("Sheet1", 0)));
    assertThat(reason("tyjrj", "wrong-sheet.xlsx")).contains("no sheet '优抚对象' (sheets: [Sheet1])");
  }

  @Test
  void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
    FileDropConnector fl = new FileDropConnector("fl", "file",
        new FileDropOptions("xlsx", "etga", List.of("儿童身份证号", "类别"), null, null, null, null, null, null, null, null), context);
    fl.prepare();
    ingest(fl, drop("fl", "bomb.xlsx", workbook("儿童关爱台账", 8 * 1024 * 1024)));
    assertThat(reason("fl", "bomb.xlsx")).contains("zip bomb");
    ingest(fl, drop("fl", "text.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8)));
    assertThat(reason("fl", "text.xlsx")).contains("not an XLSX workbook");
  }

  private String reason(String source, String name) throws Exception {
    assertThat(data.resolve("failed").resolve(source).resolve(name)).exists();
    return Files.readString(data.resolve("failed").resolve(source).resolve(name + ".reason.txt"));
  }

  /** A small workbook; {@code padding} blank bytes inflate the sheet XML (a zip bomb when large). */
  private static byte[] workbook(String sheetName, int padding) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet(sheetName);
      String[] header = {"序号", "姓名", "性别", "公民身份号码", "优抚类别", "入伍年月", "退役年月", "联系电话", "儿童身份证号", "类别"};
      XSSFRow h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      XSSFRow good = sheet.createRow(1);
      good.createCell(0).setCellValue(1);
      good.createCell(1).setCellValue("张三");
      good.createCell(3).setCellValue("370811199001011234");
      good.createCell(4).setCellValue("伤残军人");
      good.createCell(5).setCellValue("2001.12");
      XSSFRow corrupt = sheet.createRow(2);
      corrupt.createCell(0).setCellValue(2);
      corrupt.createCell(1).setCellValue("李四");
      corrupt.createCell(3).setCellValue(370811199001011234d);
      corrupt.createCell(4).setCellValue("烈属");
      wb.write(out);
    }
    return padding == 0 ? out.toByteArray() : padSheet(out.toByteArray(), padding);
  }

  private static byte[] padSheet(byte[] xlsx, int padding) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().startsWith("xl/worksheets/")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int end = xml.lastIndexOf("</worksheet>");
          zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
          byte[] blanks = new byte[1024 * 1024];
          java.util.Arrays.fill(blanks, (byte) ' ');
          for (int i = 0; i < padding / blanks.length; i++) {
            zip.write(blanks);
          }
          zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(content);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

}
