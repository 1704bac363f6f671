package cn.jzz.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's files as shipped, without a browser: everything it loads is in the repository (no
 * CDN, no outside address), every module import resolves to a file, values are never written as HTML,
 * and every page the shell routes to exists.
 */
class ConsoleResourcesTest {

  static final Path ROOT = Path.of("src/main/resources/static/console");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:[^'\"]*?\\s+from\\s+)?['\"]([^'\"]+)['\"]");
  private static final Pattern HTML_REF = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"");

  @Test
  void nothingIsLoadedFromOutsideTheHub() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : files()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[/\"']").matcher(text);
      while (m.find()) {
        offenders.add(ROOT.relativize(file) + ": " + m.group());
      }
      if (text.contains("@import") || text.contains("url(http")) {
        offenders.add(ROOT.relativize(file) + ": outside stylesheet or font");
      }
    }
    assertThat(offenders).as("no CDN or other outside address in the console").isEmpty();
  }

  @Test
  void everyModuleImportAndPageReferenceResolvesToAShippedFile() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : files()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = (file.toString().endsWith(".html") ? HTML_REF : IMPORT).matcher(text);
      while (m.find()) {
        Path target = file.getParent().resolve(m.group(1)).normalize();
        if (!Files.isRegularFile(target)) {
          missing.add(ROOT.relativize(file) + " → " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(ROOT.resolve("index.html")).isRegularFile();
  }

  @Test
  void theShellRoutesToEveryPageModule() throws IOException {
    String app = Files.readString(ROOT.resolve("js/app.js"), StandardCharsets.UTF_8);
    try (Stream<Path> pages = Files.list(ROOT.resolve("js/pages"))) {
      for (Path page : pages.toList()) {
        String name = page.getFileName().toString().replace(".js", "");
        assertThat(app).as("app.js imports and routes " + name).contains("./pages/" + name + ".js").contains("page: " + name);
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).as(name + " exports render").contains("export async function render(");
      }
    }
  }

  @Test
  void valuesAreNeverInjectedAsHtml() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : files()) {
      if (!file.toString().endsWith(".js")) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (String unsafe : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function(")) {
        if (text.contains(unsafe)) {
          offenders.add(ROOT.relativize(file) + ": " + unsafe);
        }
      }
    }
    assertThat(offenders).as("the console builds DOM with text nodes only").isEmpty();
  }

  @Test
  void theTokenLivesInSessionStorageOnly() throws IOException {
    for (Path file : files()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!file.endsWith(Path.of("js/session.js"))) {
        assertThat(text).as(ROOT.relativize(file) + " leaves the token to session.js").doesNotContain("access_token");
      }
    }
    // localStorage outlives the tab: it holds preferences (columns, saved filters), never the session
    assertThat(Files.readString(ROOT.resolve("js/session.js"), StandardCharsets.UTF_8)).contains("sessionStorage").doesNotContain("localStorage");
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(js|html|css)$")).sorted().toList();
    }
  }
}
