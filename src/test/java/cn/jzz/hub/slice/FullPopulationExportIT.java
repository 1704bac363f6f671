package cn.jzz.hub.slice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.sim.GajSystem;
import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.GajWorld;
import cn.jzz.hub.support.ItServices;
import cn.jzz.hub.support.Json;
import cn.jzz.hub.support.TestHub;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's default population (10 000 residents, the demo's own generator, gaj over CDC) exported in
 * both formats while renames and moves keep flowing through CDC: every file holds exactly the search's
 * people, once each, and parses; then the files are deleted after the (shortened) retention.
 */
class FullPopulationExportIT {

  /** {@code ./hub demo}'s default {@code --residents}. */
  static final int DEMO_RESIDENTS = 10_000;

  private static final String NS = "fx" + Long.toHexString(System.nanoTime()).substring(4);
  private static final String DATABASE = "dept_gaj_" + NS;
  private static final String SLOT = "hub_gaj_" + NS;
  private static final Duration PATIENCE = Duration.ofSeconds(300);
  /** Long enough to download a finished file on a busy machine, short enough to await its deletion. */
  private static final Duration RETENTION = Duration.ofSeconds(30);
  private static final String EVERYONE = "\"status\":[\"在册\",\"死亡\",\"迁出\",\"注销\"]";
  private static final List<String> COLUMNS = List.of("person_id", "full_name", "id_number", "sex", "birth_date", "phone", "hukou_address", "community_code");
  private static final Pattern PERSON_ID = Pattern.compile("p[0-9a-f]{32}");

  @TempDir static Path dataDir;
  @TempDir static Path connectorsDir;
  private static TestHub hub;
  private static List<SimPerson> movable;

  @BeforeAll
  static void loadTheDemoPopulation() throws Exception {
    GajWorld.Loaded world = GajWorld.load(DATABASE, SLOT, 42, DEMO_RESIDENTS);
    List<SimPerson> people = world.people();
    GajSystem.Written written = world.written();
    movable = people.stream().filter(p -> p.registered() && written.acceptedIds().contains(p.idNumber())).toList();
    Files.writeString(
        connectorsDir.resolve("gaj.yaml"),
        "source: gaj\ntype: cdc-postgres\noptions:\n  database: " + DATABASE + "\n  tables: [rk_jbxx, ldrk_djxx]\n  slot: " + SLOT + "\n  publication: " + SLOT + "\n");
    Map<String, Object> properties = TestHub.properties(NS, dataDir, connectorsDir);
    properties.put("hub.exports.retention", RETENTION.toString());
    properties.put("hub.exports.sweep-interval", "1s");
    hub = TestHub.start(properties);
    ResidentIndex index = hub.bean(ResidentIndex.class);
    long expected = written.acceptedIds().size();
    Await.until("the index to hold all " + expected + " residents", PATIENCE, () -> {
      index.refresh();
      return index.count();
    }, count -> count == expected);
  }

  @AfterAll
  static void stop() throws Exception {
    if (hub != null) {
      hub.close();
    }
    ItServices.dropDepartment(DATABASE, SLOT);
  }

  @Test
  void everyoneInBothFormatsIsExactlyTheSearchOnceEachWhileCdcFlowsAndTheFilesExpire() throws Exception {
    Changes changes = new Changes();
    Thread writer = new Thread(changes, "it-gaj-changes");
    writer.start();
    List<String> ids = new ArrayList<>();
    try {
      // The changes must really flow through CDC during the exports, not only be committed.
      String first = changes.awaitFirstMarker();
      Await.until("the first rename to be searchable", PATIENCE, () -> total("\"filters\":[{\"field\":\"full_name\",\"op\":\"eq\",\"value\":\"" + first + "\"}]"), n -> n == 1);
      long total = total("");
      Set<String> expected = searchIds();
      assertThat(expected).as("the search's people, page by page").hasSize((int) total);

      for (String format : List.of("csv", "xlsx")) {
        JsonNode created = hub.post("/api/v1/exports", "{" + EVERYONE + ",\"format\":\"" + format + "\",\"columns\":" + Json.MAPPER.writeValueAsString(COLUMNS) + "}");
        String id = created.path("export_id").asText();
        ids.add(id);
        JsonNode done = Await.until(format + " export " + id, PATIENCE, () -> hub.get("/api/v1/exports/" + id), s -> s.path("state").asText().matches("done|failed"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        byte[] file = hub.getBytes("/api/v1/exports/" + id + "/file");
        List<String> rows = format.equals("csv") ? csvPersonIds(file) : xlsxPersonIds(file);
        assertThat(done.path("rows_total").asLong()).as(format + ": rows at the export's point in time = the search's total").isEqualTo(total);
        assertThat(done.path("rows_written").asLong()).isEqualTo(total);
        assertThat(rows).as(format + ": one row per person").hasSize((int) total).doesNotHaveDuplicates();
        assertThat(new HashSet<>(rows)).as(format + ": exactly the search's people").isEqualTo(expected);
      }
      assertThat(total("")).as("renames and moves change no one's presence").isEqualTo(total);
    } finally {
      changes.stop();
      writer.join();
    }
    assertThat(changes.failure.get()).isNull();
    assertThat(changes.committed.get()).as("changes committed during the exports").isGreaterThan(10);

    for (String id : ids) {
      HttpResponse<String> gone = Await.until("export " + id + " to expire", PATIENCE, () -> hub.getResponse("/api/v1/exports/" + id), r -> r.statusCode() != 200);
      assertThat(gone.statusCode()).as(gone.body()).isEqualTo(410);
      JsonNode error = Json.MAPPER.readTree(gone.body()).path("error");
      assertThat(error.path("code").asText()).isEqualTo("EXPORT_EXPIRED");
      assertThat(error.path("message").asText()).contains("export again");
      HttpResponse<String> file = hub.getResponse("/api/v1/exports/" + id + "/file");
      assertThat(file.statusCode()).isEqualTo(410);
      try (var left = Files.list(dataDir.resolve("exports"))) {
        assertThat(left.map(f -> f.getFileName().toString())).as("the file is deleted").noneMatch(f -> f.startsWith(id));
      }
    }
  }

  private static long total(String filter) throws Exception {
    return hub.post("/api/v1/residents/search", "{" + EVERYONE + (filter.isEmpty() ? "" : "," + filter) + ",\"size\":0}").path("total").asLong();
  }

  /** The person ids the search returns, all pages (the population is the demo's 10 000: within the window). */
  private static Set<String> searchIds() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      JsonNode r = hub.post("/api/v1/residents/search", "{" + EVERYONE + ",\"size\":1000,\"page\":" + page + "}");
      List<String> items = r.path("items").findValuesAsText("person_id");
      ids.addAll(items);
      if (items.size() < 1000) {
        return ids;
      }
    }
  }

  private static List<String> csvPersonIds(byte[] bytes) throws Exception {
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    assertThat(records.get(0).toList()).containsExactly("人员标识", "姓名", "证件号码", "性别", "出生日期", "联系电话", "户籍详址", "社区");
    CSVRecord footer = records.get(records.size() - 1);
    assertThat(footer.get(0)).startsWith("# 济智治数据中枢导出");
    List<String> ids = new ArrayList<>();
    for (CSVRecord row : records.subList(1, records.size() - 1)) {
      assertThat(row.size()).as("CSV line " + row.getRecordNumber()).isEqualTo(COLUMNS.size());
      assertThat(row.get(0)).matches(PERSON_ID);
      assertThat(row.get(2).strip()).as("a masked ID number, kept as text").matches("[0-9]{6}\\*{12}");
      ids.add(row.get(0));
    }
    return ids;
  }

  private static List<String> xlsxPersonIds(byte[] bytes) throws Exception {
    List<String> ids = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : book) {
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("人员标识");
        for (Row row : sheet) {
          if (row.getRowNum() == 0) {
            continue;
          }
          Cell id = row.getCell(0);
          assertThat(id.getCellType()).isEqualTo(CellType.STRING);
          assertThat(id.getStringCellValue()).matches(PERSON_ID);
          assertThat(row.getCell(2).getStringCellValue()).matches("[0-9]{6}\\*{12}");
          ids.add(id.getStringCellValue());
        }
      }
      assertThat(book.getProperties().getCoreProperties().getDescription()).startsWith("济智治数据中枢导出");
    }
    return ids;
  }

  /** Renames and moves (the household address) of registered people, committed every few milliseconds. */
  private static final class Changes implements Runnable {
    final AtomicLong committed = new AtomicLong();
    final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<String> firstMarker = new AtomicReference<>();

    @Override
    public void run() {
      try (Connection c = gaj();
          PreparedStatement rename = c.prepareStatement("UPDATE rk_jbxx SET xm = ?, gxsj = localtimestamp WHERE ryid = ?");
          PreparedStatement move = c.prepareStatement("UPDATE rk_jbxx SET hjdz_qhnxxdz = ?, gxsj = localtimestamp WHERE ryid = ?")) {
        for (int i = 0; running.get(); i++) {
          SimPerson p = movable.get(i % movable.size());
          long ryid = GajSystem.RYID_BASE + p.seq();
          if (i % 2 == 0) {
            String marker = "导出改名" + i;
            rename.setString(1, marker);
            rename.setLong(2, ryid);
            rename.executeUpdate();
            firstMarker.compareAndSet(null, marker);
          } else {
            move.setString(1, p.hukouAddress() + "迁" + i + "号");
            move.setLong(2, ryid);
            move.executeUpdate();
          }
          committed.incrementAndGet();
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        failure.set(e);
      }
    }

    String awaitFirstMarker() throws Exception {
      return Await.until("the first rename to be committed", PATIENCE, firstMarker::get, m -> m != null);
    }

    void stop() {
      running.set(false);
    }
  }

  private static Connection gaj() throws Exception {
    return DriverManager.getConnection(ItServices.postgres().jdbcUrl(DATABASE), "postgres", "postgres");
  }
}
