package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.examples.interactivedocs.Main;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The interactive-docs example's metadata, tags and settings as the pages show them. */
@RequiresChromium
class InteractiveDocsExampleInBrowserTest {
  private static ExampleServer app;
  private static ExampleServer moved;
  private Chromium browser;

  @BeforeAll
  static void startServers() {
    app = ExampleServer.start(Main.app());
    moved = ExampleServer.start(Main.movedApp());
  }

  @AfterAll
  static void stopServers() {
    app.close();
    moved.close();
  }

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void swagger_ui_shows_the_metadata_and_the_operations_under_their_described_tags() {
    browser.open(app.uri("/docs"));
    browser.waitForAll(By.cssSelector(".opblock"));
    String info = browser.driver().findElement(By.cssSelector(".information-container")).getText();
    assertThat(info)
        .contains("ChimichangApp", "0.0.1", "OAS 3.1")
        .contains("ChimichangApp API helps you do awesome stuff.")
        .contains(
            "Terms of service",
            "Deadpoolio the Amazing - Website",
            "Send email to Deadpoolio the Amazing",
            "Apache 2.0");
    // the description's Markdown is rendered: "## Items" is a heading
    assertThat(
            browser.driver().findElements(By.cssSelector(".information-container .description h2")))
        .extracting(WebElement::getText)
        .containsExactly("Items", "Users");

    List<String> tags =
        browser.driver().findElements(By.cssSelector(".opblock-tag-section")).stream()
            .map(section -> section.findElement(By.cssSelector(".opblock-tag")).getText())
            .toList();
    assertThat(tags).hasSize(2);
    assertThat(tags.get(0))
        .startsWith("users")
        .contains("Operations with users. The login logic is also here.");
    assertThat(tags.get(1))
        .startsWith("items")
        .contains("Manage items. So fancy they have their own docs.");
    assertThat(operationsOfTag("items"))
        .containsExactlyInAnyOrder("GET /items/", "GET /items/{item_id}", "POST /items/");
    assertThat(operationsOfTag("users")).containsExactly("GET /users/");
    browser.screenshot("docs-interactive-docs.png");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void redoc_shows_the_description_and_the_tags() {
    browser.open(app.uri("/redoc"));
    browser.waitForAll(By.cssSelector("[data-section-id*='operation/']"));
    String page = browser.driver().findElement(By.cssSelector(".api-content")).getText();
    assertThat(page)
        .contains(
            "ChimichangApp (0.0.1)",
            "ChimichangApp API helps you do awesome stuff.",
            "Deadpoolio the Amazing");
    // the description's "## Items" and "## Users" become sections of the menu, then the tags
    // with their operations (folded, so read from the DOM rather than the screen)
    List<String> menu =
        browser.driver().findElements(By.cssSelector("li[data-item-id] > label")).stream()
            .map(item -> item.getDomProperty("textContent").strip())
            .toList();
    assertThat(menu.subList(0, 5))
        .containsExactly("Items", "Users", "users", "getRead Users", "items");
    assertThat(menu.subList(5, menu.size()))
        .containsExactlyInAnyOrder("getList the items", "postCreate Item", "getRead Item");
    browser.screenshot("redoc-interactive-docs.png");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void the_moved_swagger_ui_reads_the_moved_document_and_offers_the_servers() {
    browser.open(moved.uri("/documentation"));
    browser.waitForAll(By.cssSelector(".opblock"));
    List<String> servers =
        browser.driver().findElements(By.cssSelector(".servers select option")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(servers)
        .containsExactly(
            "https://stag.example.com - Staging environment",
            "https://prod.example.com - Production environment");
    assertThat(browser.driver().findElement(By.cssSelector(".info")).getText())
        .contains("/api/v1/openapi.json", "The shop's handbook");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  private List<String> operationsOfTag(String tag) {
    return browser.driver().findElements(By.cssSelector(".opblock-tag-section")).stream()
        .filter(
            section ->
                tag.equals(
                    section
                        .findElement(By.cssSelector(".opblock-tag"))
                        .getDomAttribute("data-tag")))
        .flatMap(section -> section.findElements(By.cssSelector(".opblock")).stream())
        .map(
            block ->
                block.findElement(By.cssSelector(".opblock-summary-method")).getText()
                    + " "
                    + block
                        .findElement(By.cssSelector(".opblock-summary-path"))
                        .getDomAttribute("data-path"))
        .toList();
  }
}
