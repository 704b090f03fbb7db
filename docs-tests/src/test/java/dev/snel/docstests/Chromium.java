package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver; both named explicitly, so
 * Selenium Manager never looks for (or downloads) a driver or a browser. Each instance has a fresh
 * profile directory, removed on close.
 *
 * <p>The browser resolves no host but the loopback addresses, so a page that needs anything from
 * the internet fails here (and the failure shows as a console error), even on a machine that has a
 * network.
 *
 * <p>Not thread-safe: one test thread drives one browser.
 */
final class Chromium implements AutoCloseable {
  static final Path BROWSER = Path.of(System.getProperty("snel.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("snel.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a browser. Test classes that call this are {@link RequiresChromium}, which skips them
   * where chromium is not installed.
   */
  static Chromium start() {
    assertThat(BROWSER)
        .as("chromium is not installed (apt-get install -y chromium chromium-driver)")
        .isExecutable();
    assertThat(DRIVER)
        .as("chromium is installed, but its driver is not (apt-get install -y chromium-driver)")
        .isExecutable();
    Path profile;
    try {
      profile = Files.createTempDirectory("snel-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--window-size=1280,1400",
        "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  WebDriver driver() {
    return driver;
  }

  void open(URI page) {
    driver.get(page.toString());
  }

  /** Waits up to 30 s for the condition to hold (to return non-null, non-false). */
  <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
  }

  /** Waits for at least one element and returns them all. */
  List<WebElement> waitForAll(By selector) {
    return waitFor(
        d -> {
          List<WebElement> found = d.findElements(selector);
          return found.isEmpty() ? null : found;
        });
  }

  Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** Every URL the page loaded (the document and its resources, fetches included). */
  @SuppressWarnings("unchecked")
  List<String> loadedUrls() {
    return (List<String>)
        script(
            "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
  }

  /** The console's warnings and errors so far (failed loads of resources included). */
  List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  /** Saves a screenshot of the whole page (not only the window) under target/screenshots. */
  Path screenshot(String name) {
    Number height = (Number) script("return document.documentElement.scrollHeight;");
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                1280, Math.min(Math.max(height.intValue(), 800), 6000)));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Files.createDirectories(SCREENSHOTS);
      return Files.write(SCREENSHOTS.resolve(name), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
