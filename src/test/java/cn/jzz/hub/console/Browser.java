package cn.jzz.hub.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its chromedriver, with a fresh profile and a download
 * folder of its own. Fails, never skips, when the browser is missing: {@code ops/browser.sh}
 * installs it.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(390, 844);
  static final Duration PATIENCE = Duration.ofSeconds(30);

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, Path downloads, String base) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
    this.base = base;
  }

  /** The message a test fails with when chromium or its driver is missing. */
  static String missingBrowserMessage() {
    return "the console's end-to-end tests need Debian's chromium and chromium-driver ("
        + CHROMIUM + ", " + CHROMEDRIVER + "): run ops/browser.sh (as root it installs them with apt-get), then run the tests again";
  }

  static void requireInstalled() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new AssertionError(missingBrowserMessage());
    }
  }

  static Browser start(String base) throws IOException {
    requireInstalled();
    Path profile = Files.createTempDirectory("console-chromium-profile");
    Path downloads = Files.createTempDirectory("console-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "intl.accept_languages", "zh-CN"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // Downloads in headless chromium go where the DevTools protocol says.
    driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    Browser browser = new Browser(driver, profile, downloads, base);
    browser.resize(DESKTOP);
    return browser;
  }

  /** Makes the page's viewport (not the window around it) exactly {@code size}. */
  void resize(Dimension size) {
    driver.manage().window().setSize(size);
    if (driver.getCurrentUrl().startsWith("http")) {
      Number w = (Number) script("return window.innerWidth;");
      Number h = (Number) script("return window.innerHeight;");
      driver.manage().window().setSize(new Dimension(2 * size.width - w.intValue(), 2 * size.height - h.intValue()));
    }
  }

  void open(String hash) {
    driver.get(base + "/console/" + hash);
  }

  void go(String hash) {
    ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0];", hash);
  }

  WebElement await(By by) {
    return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement present(By by) {
    return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  <T> T until(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).withMessage(what).until(condition);
  }

  void awaitText(By by, String text) {
    until(by + " to read '" + text + "'", d -> {
      List<WebElement> found = d.findElements(by);
      return !found.isEmpty() && found.get(0).getText().contains(text);
    });
  }

  /**
   * Chooses a value in a select once the select offers it (options arrive with each search), then
   * waits for the search the choice starts. The choice is made in one script, as the options are
   * rebuilt by every answer and an element found a moment earlier may already be gone.
   */
  void choose(By select, String value) {
    settle();
    String css = select.toString().replaceFirst("^By\\.id: ", "#").replaceFirst("^By\\.cssSelector: ", "");
    until(select + " to offer " + value, d -> Boolean.TRUE.equals(script(
        "const s = document.querySelector(arguments[0]);"
            + "if (!s || s.disabled || ![...s.options].some(o => o.value === arguments[1])) return false;"
            + "s.value = arguments[1]; s.dispatchEvent(new Event('change')); return true;", css, value)));
    settle();
  }

  void type(By by, String text) {
    WebElement el = await(by);
    el.clear();
    el.sendKeys(text);
  }

  void click(By by) {
    new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  void acceptConfirm() {
    new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Saves the page at 1366×768 and at 390×844 under target/screenshots/; the phone view is reloaded
   * at its size (the page lays itself out for the screen it starts on) and {@code ready} must show.
   */
  void screenshots(String name, By ready) throws IOException {
    shoot(name + "-1366x768");
    resize(PHONE);
    driver.navigate().refresh();
    await(ready);
    settle();
    shoot(name + "-390x844");
    resize(DESKTOP);
    driver.navigate().refresh();
    await(ready);
    settle();
  }

  /** Lets the page finish the requests it started (the API answers within milliseconds here). */
  void settle() {
    until("the page to settle", d -> Boolean.TRUE.equals(script("return document.readyState === 'complete' && !document.querySelector('[aria-busy=true]');")));
  }

  /** Saves the top of the page. */
  void shoot(String name) throws IOException {
    script("window.scrollTo(0, 0);");
    shootAsScrolled(name);
  }

  /** Saves the page as it is scrolled now (e.g. to a result the page brought into view). */
  void shootAsScrolled(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    File png = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The one finished download with this extension. */
  Path awaitDownload(String extension) {
    return until("a ." + extension + " download in " + downloads, d -> {
      try (Stream<Path> files = Files.list(downloads)) {
        return files.filter(f -> f.toString().endsWith("." + extension)).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
  }

  static String xpathLiteral(String value) {
    return value.contains("'") ? "\"" + value + "\"" : "'" + value + "'";
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    for (Path dir : List.of(profile, downloads)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
