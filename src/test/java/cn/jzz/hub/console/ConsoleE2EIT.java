package cn.jzz.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.readside.ReadFixtures;
import cn.jzz.hub.support.TestHub;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in headless chromium against a hub started like the demo: a community worker's path
 * (log in, drill down to one building's 独居 elderly, export XLSX, open it), the person page, the
 * admin pages (sources, mapping edit with a located mistake, preview, activation, quarantine), what a
 * grid worker is not shown, and screenshots of every page at 1366×768 and 390×844.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleE2EIT {

  private static final String COMPOUND = "玉堂小区";
  private static ConsoleHub world;
  private static Browser browser;
  private static String building;
  private static List<Map<String, Object>> expected;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled(); // before the hub: a missing browser fails fast with the fix
    world = ConsoleHub.start();
    browser = Browser.start(world.base);
    // The building of 玉堂小区 with the most registered 独居 elderly.
    Map<String, List<Map<String, Object>>> byBuilding = world.fixture.stream()
        .filter(d -> ReadFixtures.YUTANG.equals(d.get("community_code")) && COMPOUND.equals(d.get("compound_name")))
        .filter(ReadFixtures::registered)
        .filter(d -> ReadFixtures.hasTag(d, "elderly_tags", "独居"))
        .collect(Collectors.groupingBy(d -> (String) d.get("building_no")));
    building = byBuilding.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow().getKey();
    expected = byBuilding.get(building);
    assertThat(expected).as("the fixture has 独居 elderly in one building").hasSizeGreaterThan(1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void theHubServesTheConsoleAtItsRootWithoutOutsideResources() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(world.base + "/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/console/");
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(world.base + "/console/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("lang=\"zh-CN\"").contains("js/app.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(world.base + "/console/config")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("\"1\":\"男\"").contains("公安局");
  }

  @Test
  @Order(2)
  void aWrongPasswordIsRefusedAndTheAdminLogsInSeeingRoleAndScope() throws Exception {
    browser.open("#/login");
    login("admin", "wrong-password");
    browser.awaitText(By.id("login-message"), "用户名或密码错误");
    browser.screenshots("01-login", By.id("login-form"));
    login("admin", TestHub.ADMIN_PASSWORD);
    browser.awaitText(By.id("who-role"), "数据管理员");
    assertThat(browser.driver.findElement(By.id("who-scope")).getText()).contains("全市");
    assertThat(browser.driver.findElements(By.cssSelector("nav a[data-admin]"))).allMatch(WebElement::isDisplayed);
  }

  @Test
  @Order(3)
  void drillingDownToOneBuildingAndChoosing独居ListsExactlyItsLonelyElderly() throws Exception {
    browser.go("#/search");
    browser.await(By.id("results-table"));
    browser.choose(By.id("area-county_code"), "370811");
    browser.choose(By.id("area-township_code"), ReadFixtures.YUTANG.substring(0, 9));
    browser.choose(By.id("area-community_code"), ReadFixtures.YUTANG);
    browser.choose(By.id("area-grid_code"), ReadFixtures.YUTANG + "001");
    browser.choose(By.id("area-compound_name"), COMPOUND);
    browser.choose(By.id("area-building_no"), building);
    // the chip shows how many of the building hold the tag before it is chosen
    browser.until("the 独居 chip to count the building's lonely elderly", d -> String.valueOf(expected.size()).equals(
        browser.script("const c = document.querySelector(\"button.chip[data-tag='独居'] .count\"); return c && c.textContent;")));
    browser.click(By.cssSelector("button.chip[data-tag='独居']"));
    browser.awaitText(By.id("result-total"), "共 " + expected.size() + " 人");
    browser.settle();
    List<String> names = browser.driver.findElements(By.cssSelector("#results-table a.person-link")).stream().map(WebElement::getText).toList();
    assertThat(names).containsExactlyInAnyOrderElementsOf(expected.stream().map(d -> (String) d.get("full_name")).toList());
    assertThat(column("楼栋号")).containsOnly(building);
    browser.screenshots("02-search", By.id("results-table"));
    browser.resize(Browser.PHONE);
    browser.driver.navigate().refresh();
    browser.await(By.id("filters-toggle"));
    browser.present(By.cssSelector("#results-table thead"));
    assertThat(browser.driver.findElement(By.id("filters")).getAttribute("class")).contains("collapsed");
    assertThat(browser.script("return getComputedStyle(document.querySelector('#results-table thead')).display")).isEqualTo("none");
    browser.resize(Browser.DESKTOP);
    browser.driver.navigate().refresh();
    browser.await(By.id("results-table"));
  }

  @Test
  @Order(4)
  void theExportOfThatSelectionOpensInExcelWithChineseHeadersAndItsRows() throws Exception {
    browser.choose(By.id("export-format"), "xlsx");
    browser.choose(By.id("export-template"), ":columns");
    browser.click(By.id("export-start"));
    browser.await(By.id("export-download"));
    assertThat(browser.driver.findElement(By.id("export-done")).getText()).contains(String.valueOf(expected.size()));
    browser.shoot("03-export-done-1366x768");
    browser.click(By.id("export-download"));
    Path file = browser.awaitDownload("xlsx");
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheetAt(0);
      List<String> headers = cells(sheet.getRow(0));
      assertThat(headers).containsExactly("姓名", "性别", "出生日期", "证件号码", "联系电话", "社区", "小区名称", "楼栋号", "房号");
      assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
      List<String> names = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        List<String> row = cells(sheet.getRow(r));
        names.add(row.get(0));
        assertThat(row.get(7)).isEqualTo(building);
        assertThat(row.get(3)).as("masked export: ID number").contains("*");
      }
      // names are masked too (M field): each is the masked form of one of the expected people
      List<String> surnames = new ArrayList<>(expected.stream().map(d -> (String) d.get("full_name")).toList());
      for (String masked : names) {
        assertThat(masked).endsWith("*");
        String prefix = masked.substring(0, masked.indexOf('*'));
        String match = surnames.stream().filter(n -> n.startsWith(prefix)).findFirst().orElse(null);
        assertThat(match).as("an expected resident named " + prefix + "…").isNotNull();
        surnames.remove(match);
      }
    }
  }

  @Test
  @Order(5)
  void thePersonPageShowsGroupsProvenanceConflictsAndWhyTagsHold() throws Exception {
    browser.click(By.cssSelector("#results-table a.person-link"));
    browser.await(By.id("person-name"));
    assertThat(browser.driver.findElements(By.cssSelector("section[data-group]"))).hasSize(8);
    assertThat(browser.driver.findElement(By.cssSelector("section[data-group='A'] h2")).getText()).isEqualTo("A. 区划与网格");
    WebElement name = browser.driver.findElement(By.cssSelector("dd[data-key='full_name'] .value"));
    assertThat(name.getAttribute("title")).contains("来源：公安局（gaj）").contains("北京时间").contains("2026-01-01 08:00:00");
    assertThat(browser.driver.findElement(By.cssSelector("dd[data-key='phone']")).getAttribute("class")).contains("conflict");
    assertThat(browser.driver.findElement(By.cssSelector("dd[data-key='phone'] .losers")).getText()).contains("政法委");
    assertThat(browser.driver.findElement(By.cssSelector("li[data-tag-reason='独居']")).getText()).contains("独居");
    browser.screenshots("04-person", By.id("person-name"));
  }

  @Test
  @Order(6)
  void theSourcesPageShowsGajRunningAndPausesAndResumesIt() throws Exception {
    browser.go("#/sources");
    // the table refreshes itself every few seconds: read and click through the live DOM
    String state = "const b = document.querySelector(\"tr[data-source='gaj'] .badge\"); return b && b.dataset.state;";
    String click = "document.querySelector(\"tr[data-source='gaj'] button[data-action='\" + arguments[0] + \"']\").click();";
    browser.until("gaj to be running", d -> "running".equals(browser.script(state)));
    browser.script(click, "pause");
    browser.until("gaj to be paused", d -> "paused".equals(browser.script(state)));
    browser.script(click, "resume");
    // resumed: the connector starts again (it reports running once its engine reads)
    browser.until("gaj to leave the paused state", d -> {
      Object now = browser.script(state);
      return now != null && !"paused".equals(now);
    });
    assertThat(browser.driver.findElement(By.cssSelector("tr[data-source='gaj'] button[data-action='pause']")).isDisplayed()).isTrue();
    browser.screenshots("05-sources", By.id("sources-table"));
  }

  @Test
  @Order(7)
  void aMappingMistakeShowsAtItsLineAndTheFixedMappingPreviewsAndActivates() throws Exception {
    HttpResponse<String> list = world.hub.send("/api/v1/mappings/gaj/validate", "source: gaj\n", true);
    assertThat(list.statusCode())
        .as("POST /api/v1/mappings/gaj/validate must exist (branch map); it answered %s: %s", list.statusCode(), list.body())
        .isNotIn(404, 405);
    browser.go("#/mappings");
    browser.await(By.cssSelector("#mappings-table a[data-source='gaj']"));
    browser.screenshots("06-mappings", By.id("mappings-table"));
    browser.click(By.cssSelector("#mappings-table a[data-source='gaj']"));
    WebElement editor = browser.await(By.id("mapping-editor"));
    String original = editor.getAttribute("value");
    List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
    int broken = indexOf(lines, l -> l.contains("full_name:") && l.contains("from:")) + 1;
    assertThat(broken).as("the gaj mapping maps full_name").isPositive();
    lines.set(broken - 1, lines.get(broken - 1).replaceFirst("full_name:", "full_nam:"));
    setEditor(String.join("\n", lines));
    browser.click(By.id("mapping-validate"));
    browser.await(By.cssSelector("#mapping-gutter span.err[data-line='" + broken + "']"));
    assertThat(browser.driver.findElement(By.cssSelector("#problem-list li[data-line='" + broken + "']")).getText()).contains("第 " + broken + " 行");
    browser.screenshots("07-mapping-error", By.id("mapping-editor"));
    // the phone/desktop reload dropped the unsaved edit: the editor shows the active mapping again
    setEditor(original);
    browser.click(By.id("mapping-validate"));
    browser.await(By.id("validate-ok"));
    assertThat(browser.driver.findElements(By.cssSelector("#mapping-gutter span.err"))).isEmpty();

    String id17 = "37081119500101002";
    String sample = "[{\"entity\":\"rk_jbxx\",\"op\":\"r\",\"key\":\"9900001\",\"after\":{\"ryid\":\"9900001\",\"gmsfhm\":\"" + id17 + cn.jzz.hub.identity.IdNumbers.checkCharacter(id17)
        + "\",\"xm\":\"预览样例\",\"xb\":\"2\",\"csrq\":\"19500101\",\"ryzt\":\"0\"}}]";
    browser.script("document.getElementById('preview-samples').value = arguments[0];", sample);
    browser.click(By.id("mapping-preview"));
    browser.awaitText(By.id("preview-records"), "预览样例");
    assertThat(browser.driver.findElement(By.id("preview-records")).getText()).contains("姓名");
    browser.shootAsScrolled("08-mapping-preview-1366x768");

    browser.click(By.id("mapping-activate"));
    browser.acceptConfirm();
    browser.until("the activation to answer", d -> !d.findElements(By.cssSelector("#activate-ok, #mapping-message .notice.bad")).isEmpty());
    assertThat(browser.driver.findElement(By.id("mapping-message")).getText()).as("activation message").contains("已启用新映射");
    // the console raised the version number, as activation needs a higher one
    assertThat(browser.driver.findElement(By.id("mapping-version")).getText()).isEqualTo("当前版本 v2");
    assertThat(browser.driver.findElement(By.id("mapping-editor")).getAttribute("value")).contains("version: 2");
    browser.shoot("08-mapping-activated-1366x768");
  }

  @Test
  @Order(8)
  void theQuarantinePageListsRejectedRecordsBySource() throws Exception {
    browser.go("#/quarantine?source=gaj");
    browser.until("the quarantine to load", d -> !d.findElements(By.cssSelector("#quarantine-table, #quarantine-empty")).isEmpty()
        || !d.findElements(By.cssSelector("#quarantine-message .notice")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector("#quarantine-message .notice")))
        .as("GET /api/v1/quarantine answered (branch map)").isEmpty();
    browser.screenshots("09-quarantine", By.id("quarantine-source"));
  }

  @Test
  @Order(9)
  void aGridWorkerSeesHerCommunitysNamesPhonesAnd独居InClearButNothingElse() throws Exception {
    browser.click(By.id("logout"));
    browser.await(By.id("login-form"));
    login("grid", ConsoleHub.PASSWORD);
    browser.awaitText(By.id("who-role"), "网格员");
    assertThat(browser.driver.findElement(By.id("who-scope")).getText()).contains(ReadFixtures.YUTANG);
    assertThat(browser.driver.findElements(By.cssSelector("nav a[data-admin]"))).noneMatch(WebElement::isDisplayed);
    browser.go("#/search");
    browser.await(By.id("results-table"));
    browser.settle();
    List<String> communities = browser.driver.findElements(By.cssSelector("#area-community_code option")).stream()
        .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    assertThat(communities).containsExactly(ReadFixtures.YUTANG);
    // masked values stay masked: the table shows the ID number as the API sent it
    assertThat(column("证件号码")).isNotEmpty().allMatch(v -> v.contains("*"));
    assertThat(browser.driver.findElements(By.cssSelector("button.chip[data-tag='社区矫正对象']"))).as("restricted tags are not offered").isEmpty();
    // her job (access-policy.md): the lonely elderly of one building, by name and phone, one click away
    browser.choose(By.id("area-grid_code"), ReadFixtures.YUTANG + "001");
    browser.choose(By.id("area-compound_name"), COMPOUND);
    browser.choose(By.id("area-building_no"), building);
    browser.until("the 独居 chip to count the building's lonely elderly for the grid worker", d -> String.valueOf(expected.size()).equals(
        browser.script("const c = document.querySelector(\"button.chip[data-tag='独居'] .count\"); return c && c.textContent;")));
    if (!"true".equals(browser.script("return document.querySelector(\"button.chip[data-tag='独居']\").getAttribute('aria-pressed')"))) {
      browser.click(By.cssSelector("button.chip[data-tag='独居']"));
    }
    browser.awaitText(By.id("result-total"), "共 " + expected.size() + " 人");
    browser.settle();
    List<String> names = browser.driver.findElements(By.cssSelector("#results-table a.person-link")).stream().map(WebElement::getText).toList();
    assertThat(names).as("names in clear").containsExactlyInAnyOrderElementsOf(expected.stream().map(d -> (String) d.get("full_name")).toList());
    List<String> phones = column("联系电话");
    assertThat(phones).as("phones in clear").noneMatch(v -> v.contains("*"))
        .containsAll(expected.stream().map(d -> (String) d.get("phone")).filter(java.util.Objects::nonNull).toList());
    assertThat(column("标签")).as("the care tag shown").allMatch(v -> v.contains("独居"));
    browser.screenshots("10-grid-worker-alone", By.id("results-table"));
    browser.go("#/sources");
    browser.awaitText(By.id("main"), "仅对数据管理员开放");
    browser.screenshots("11-forbidden", By.id("main"));
  }

  private static void login(String user, String password) {
    browser.type(By.id("login-username"), user);
    browser.type(By.id("login-password"), password);
    browser.click(By.id("login-submit"));
  }

  private static void setEditor(String text) {
    browser.script("const e = document.getElementById('mapping-editor'); e.value = arguments[0]; e.dispatchEvent(new Event('input'));", text);
  }

  private static List<String> column(String label) {
    List<WebElement> headers = browser.driver.findElements(By.cssSelector("#results-table thead th"));
    int index = indexOf(headers.stream().map(WebElement::getText).toList(), h -> h.startsWith(label));
    assertThat(index).as("column " + label).isNotNegative();
    return browser.driver.findElements(By.cssSelector("#results-table tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).get(index).getText()).toList();
  }

  private static <T> int indexOf(List<T> list, Function<T, Boolean> test) {
    for (int i = 0; i < list.size(); i++) {
      if (test.apply(list.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      var cell = row.getCell(c);
      out.add(cell == null ? "" : cell.getStringCellValue());
    }
    return out;
  }
}
