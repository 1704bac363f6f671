package cn.jzz.hub.readside;

import static cn.jzz.hub.readside.ResidentSearchIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Await;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports of the fixture population in both formats: the search's rows exactly, safe cells, watermark, ownership. */
class ExportIT {

  static ReadHub read;
  static final String COLUMNS = "[\"person_id\",\"full_name\",\"id_number\",\"phone\",\"community_code\",\"compound_name\",\"occupation\",\"employer_or_school\",\"property_service\",\"floor_no\",\"sex\",\"justice_tags\"]";

  @BeforeAll
  static void start() throws Exception {
    read = ReadHub.shared();
  }

  static JsonNode finished(String user, JsonNode created) throws Exception {
    String id = created.path("export_id").asText();
    return Await.until("export " + id, Duration.ofSeconds(60), () -> read.ok(user, "GET", "/api/v1/exports/" + id, null), s -> !s.path("state").asText().matches("queued|running"));
  }

  static byte[] file(String user, String id) throws Exception {
    var r = read.bytes(user, "/api/v1/exports/" + id + "/file");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  static List<CSVRecord> csv(byte[] bytes) throws Exception {
    assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
    assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
    assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
  }

  private Set<String> searchIds(String user, String query) throws Exception {
    JsonNode r = read.ok(user, "POST", "/api/v1/residents/search", query.equals("{}") ? "{\"size\":1000}" : query.replaceFirst("\\{", "{\"size\":1000,"));
    Set<String> ids = new HashSet<>();
    r.path("items").forEach(i -> ids.add(i.path("person_id").asText()));
    assertThat(ids).hasSize(r.path("total").asInt());
    return ids;
  }

  @Test
  void csvMatchesTheSearchRowForRowWithSafeCellsAndAWatermark() throws Exception {
    String query = "{\"filters\":[{\"field\":\"county_code\",\"op\":\"eq\",\"value\":\"370811\"}]}";
    Set<String> expected = searchIds("admin", query);
    String body = query.replaceFirst("\\}$", ",\"format\":\"csv\",\"columns\":" + COLUMNS + ",\"masked\":false,\"purpose\":\"入户核查名单\"}");
    var created = read.as("admin", "POST", "/api/v1/exports", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode done = finished("admin", Json.MAPPER.readTree(created.body()));
    assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.path("rows_total").asLong()).isEqualTo(expected.size());
    assertThat(done.path("rows_written").asLong()).isEqualTo(expected.size());
    List<CSVRecord> records = csv(file("admin", done.path("export_id").asText()));
    assertThat(records.get(0).get(0)).isEqualTo("人员标识");
    assertThat(records.get(0).get(2)).isEqualTo("证件号码");
    CSVRecord footer = records.get(records.size() - 1);
    assertThat(footer.get(0)).startsWith("# ").contains("导出人:admin").contains("未脱敏").contains("入户核查名单");
    List<CSVRecord> rows = records.subList(1, records.size() - 1);
    List<String> ids = rows.stream().map(r -> r.get(0)).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(expected);
    Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    read.people.forEach(d -> byId.put((String) d.get("person_id"), d));
    for (CSVRecord r : rows) {
      Map<String, Object> person = byId.get(r.get(0));
      // ID and phone written as text for Excel (leading tab) and round-trip with a trim.
      assertThat(r.get(2)).startsWith("\t");
      assertThat(r.get(2).strip()).isEqualTo(person.get("id_number"));
      assertThat(r.get(3).strip()).isEqualTo(person.get("phone"));
      assertThat(r.get(10)).isIn("男", "女");
      for (int c = 1; c < r.size(); c++) {
        assertThat(r.get(c)).as("cell %d of %s", c, r.get(0)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
        if (!r.get(c).matches("-?[0-9]+")) {
          assertThat(r.get(c)).doesNotStartWith("-");
        }
      }
    }
    assertThat(rows.stream().map(r -> r.get(5))).contains("'" + ReadFixtures.HOSTILE.get(0));
    assertThat(rows.stream().map(r -> r.get(6))).contains("'" + ReadFixtures.HOSTILE.get(1));
    assertThat(rows.stream().map(r -> r.get(7))).contains("'" + ReadFixtures.HOSTILE.get(2));
    assertThat(rows.stream().map(r -> r.get(8))).contains("'" + ReadFixtures.HOSTILE.get(3));
  }

  @Test
  void xlsxMatchesTheSearchWithWatermarkAndNoFormulas() throws Exception {
    Set<String> expected = searchIds("admin", "{}");
    JsonNode done = finished("admin", read.ok("admin", "POST", "/api/v1/exports", "{\"format\":\"xlsx\",\"columns\":" + COLUMNS + "}"));
    assertThat(done.path("state").asText()).isEqualTo("done");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file("admin", done.path("export_id").asText())))) {
      assertThat(book.getProperties().getCoreProperties().getDescription()).contains("导出人:admin").contains("已脱敏");
      assertThat(book.getProperties().getCustomProperties().getProperty("exported_by").getLpwstr()).isEqualTo("admin");
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getFooter().getCenter()).contains("导出人:admin");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
      List<String> ids = new ArrayList<>();
      List<String> cells = new ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        ids.add(row.getCell(0).getStringCellValue());
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
          cells.add(cell.getStringCellValue());
        }
        // masked by default: the ID keeps only its region, the phone 3 + **** + 4
        assertThat(row.getCell(2).getStringCellValue()).matches("370811\\*{12}");
        assertThat(row.getCell(3).getStringCellValue()).matches("1[3-9][0-9]\\*{4}[0-9]{4}");
      }
      assertThat(ids).doesNotHaveDuplicates();
      assertThat(new HashSet<>(ids)).isEqualTo(expected);
      assertThat(cells).contains("'" + ReadFixtures.HOSTILE.get(0), "'" + ReadFixtures.HOSTILE.get(3));
      assertThat(cells).noneMatch(c -> c.startsWith("=") || c.startsWith("+") || c.startsWith("@"));
    }
  }

  @Test
  void templatesAndTheFullTable() throws Exception {
    JsonNode done = finished("admin", read.ok("admin", "POST", "/api/v1/exports", "{\"format\":\"xlsx\",\"template\":\"基础信息一张表\",\"tags_all\":[\"老年人\"]}"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file("admin", done.path("export_id").asText())))) {
      assertThat(book.getSheetAt(0).getRow(0).getLastCellNum()).isEqualTo((short) 55);
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && ReadFixtures.age(d) >= 60));
    }
    JsonNode analyst = finished("analyst", read.ok("analyst", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"template\":\"老年人关爱台账\"}"));
    assertThat(analyst.path("omitted_columns").toString()).contains("elderly_tags", "health_focus_tags", "disability_category");
    List<CSVRecord> records = csv(file("analyst", analyst.path("export_id").asText()));
    assertThat(records.get(0).toList()).doesNotContain("老年人标签", "重点健康人群", "残疾类别").contains("姓名", "紧急联系人");
    assertError(read.as("admin", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"template\":\"没有这个模板\"}"), 400, "UNKNOWN_TEMPLATE");
    assertError(read.as("admin", "POST", "/api/v1/exports", "{\"format\":\"pdf\"}"), 400, "INVALID_FORMAT");
    assertError(read.as("admin", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"columns\":[\"shoe_size\"]}"), 400, "INVALID_COLUMNS");
    assertError(read.as("admin", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"page\":2}"), 400, "UNKNOWN_PROPERTY");
  }

  @Test
  void unmaskedExportsNeedTheGrantAndAPurpose() throws Exception {
    assertError(read.as("analyst", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"masked\":false,\"purpose\":\"我想看看\"}"), 403, "UNMASK_NOT_PERMITTED");
    assertError(read.as("grid", "POST", "/api/v1/exports", "{\"format\":\"xlsx\",\"masked\":false}"), 400, "PURPOSE_REQUIRED");
    // the grid worker sees names and phones in clear, so with a purpose she exports them so; the ID stays masked
    JsonNode visit = finished("grid", read.ok("grid", "POST", "/api/v1/exports",
        "{\"format\":\"csv\",\"masked\":false,\"purpose\":\"入户走访\",\"columns\":[\"person_id\",\"full_name\",\"id_number\",\"phone\"]}"));
    List<CSVRecord> rows = csv(file("grid", visit.path("export_id").asText()));
    Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    read.people.forEach(d -> byId.put((String) d.get("person_id"), d));
    assertThat(rows).hasSizeGreaterThan(1);
    for (CSVRecord row : rows.subList(1, rows.size())) {
      if (row.size() < 4 || !byId.containsKey(row.get(0))) {
        continue; // the header and the watermark
      }
      Map<String, Object> person = byId.get(row.get(0));
      assertThat(row.get(1)).isEqualTo(person.get("full_name"));
      assertThat(row.get(2)).matches("\\d{6}\\*{12}");
      if (person.get("phone") != null) {
        assertThat(row.get(3)).contains((String) person.get("phone"));
      }
    }
    assertError(read.as("admin", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"masked\":false}"), 400, "PURPOSE_REQUIRED");
    assertError(read.as("analyst", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"columns\":[\"full_name\",\"religion\"]}"), 403, "FIELD_NOT_PERMITTED");
    assertError(read.as("analyst", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"tags_any\":[\"刑满释放人员\"]}"), 403, "FIELD_NOT_PERMITTED");
  }

  @Test
  void aGridWorkerExportsOnlyHerCommunityAndJobsBelongToTheirCreator() throws Exception {
    Set<String> expected = searchIds("grid", "{}");
    assertThat(expected).hasSize((int) ReadFixtures.count(read.people, d -> ReadFixtures.registered(d) && d.get("community_code").equals(ReadFixtures.YUTANG)));
    JsonNode done = finished("grid", read.ok("grid", "POST", "/api/v1/exports", "{\"format\":\"csv\",\"columns\":[\"person_id\",\"community_code\",\"full_name\"],\"filters\":[{\"field\":\"community_code\",\"op\":\"in\",\"value\":[\"" + ReadFixtures.YUTANG + "\",\"" + ReadFixtures.YUCAI + "\"]}]}"));
    List<CSVRecord> rows = csv(file("grid", done.path("export_id").asText()));
    rows = rows.subList(1, rows.size() - 1);
    assertThat(rows).allSatisfy(r -> assertThat(r.get(1).strip()).isEqualTo(ReadFixtures.YUTANG));
    assertThat(rows.stream().map(r -> r.get(0)).toList()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).allSatisfy(r -> assertThat(r.get(2)).endsWith("*"));
    String id = done.path("export_id").asText();
    var other = read.as("analyst", "GET", "/api/v1/exports/" + id, null);
    var unknown = read.as("analyst", "GET", "/api/v1/exports/xdoesnotexist", null);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).isEqualTo(unknown.body());
    assertThat(read.as("analyst", "GET", "/api/v1/exports/" + id + "/file", null).statusCode()).isEqualTo(404);
  }
}
