package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.docstests.Operations.Operation;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Every example's /docs and /redoc in the browser: each operation of the document is on the page,
 * Swagger UI reports no error about the document, and the console stays clean.
 */
@RequiresChromium
class AllExamplesInBrowserTest {
  private static Chromium browser;

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.snel.docstests.Examples#all")
  void swagger_ui_renders_every_operation_without_errors(String name, Supplier<Snel> app) {
    Snel snel = app.get();
    List<String> expected = Operations.of(snel).all().stream().map(Operation::toString).toList();
    try (ExampleServer server = ExampleServer.start(snel)) {
      browser.open(server.uri(name.contains("moved") ? "/documentation" : "/docs"));
      browser.waitForAll(By.cssSelector(".opblock"));
      List<String> rendered =
          browser.driver().findElements(By.cssSelector(".opblock")).stream()
              .map(
                  block ->
                      block.findElement(By.cssSelector(".opblock-summary-method")).getText()
                          + " "
                          + block
                              .findElement(By.cssSelector(".opblock-summary-path"))
                              .getDomAttribute("data-path"))
              .toList();
      assertThat(rendered).as(name).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(browser.driver().findElements(By.cssSelector(".errors-wrapper")))
          .as("Swagger UI's errors on %s", name)
          .isEmpty();
      assertThat(browser.consoleProblems()).as(name).isEmpty();
      assertThat(browser.loadedUrls())
          .allSatisfy(url -> assertThat(url).startsWith(server.origin() + "/"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.snel.docstests.Examples#all")
  void redoc_renders_every_operation_without_errors(String name, Supplier<Snel> app) {
    if (name.contains("moved")) {
      return; // that app turns ReDoc off
    }
    Snel snel = app.get();
    List<String> expected = Operations.of(snel).all().stream().map(Operation::operationId).toList();
    try (ExampleServer server = ExampleServer.start(snel)) {
      browser.open(server.uri("/redoc"));
      browser.waitForAll(By.cssSelector("[data-section-id*='operation/']"));
      List<String> sections =
          browser.driver().findElements(By.cssSelector("[data-section-id*='operation/']")).stream()
              .map(section -> section.getDomAttribute("data-section-id"))
              .map(id -> id.substring(id.lastIndexOf("operation/") + "operation/".length()))
              .distinct() // with tags, ReDoc marks an operation's section and its heading
              .toList();
      assertThat(sections).as(name).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(browser.consoleProblems()).as(name).isEmpty();
      assertThat(browser.loadedUrls())
          .allSatisfy(url -> assertThat(url).startsWith(server.origin() + "/"));
    }
  }
}
