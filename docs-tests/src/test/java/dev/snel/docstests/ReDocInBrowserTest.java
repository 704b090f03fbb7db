package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.docstests.Operations.Operation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** ReDoc at /redoc, in a real (headless) browser, with no internet. */
@RequiresChromium
class ReDocInBrowserTest {
  @AutoClose
  private static final ExampleServer minimal =
      ExampleServer.start(dev.snel.examples.minimal.Main.app());

  @AutoClose
  private static final ExampleServer usersModels =
      ExampleServer.start(dev.snel.examples.usersmodels.Main.app());

  private Chromium browser;

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
  void renders_the_operation_and_the_parameters_of_the_minimal_example() {
    assertRendersEveryOperation(minimal);
    WebElement operation = section("read_item_items__item_id__get");
    assertThat(operation.getText())
        .contains("Read Item", "item_id", "required", "integer", "q", "string");
    browser.screenshot("redoc.png");
  }

  @Test
  void renders_the_request_and_response_schemas_of_the_users_models_example() {
    assertRendersEveryOperation(usersModels);
    WebElement operation = section("create_user_users__post");
    String text = operation.getText();
    assertThat(text)
        .contains("Create User")
        .containsIgnoringCase("Request Body schema: application/json");
    assertThat(text)
        .contains("username", "email", "password", "[ 3 .. 50 ] characters", ">= 8 characters");

    openResponse(operation, "200");
    browser.waitFor(d -> operation.getText().contains("created_at"));
    assertThat(operation.getText())
        .contains("Successful Response", "id", "created_at", "date-time");
    openResponse(operation, "422");
    browser.waitFor(d -> operation.getText().contains("detail"));
    browser.screenshot("redoc-users-models.png");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  private void assertRendersEveryOperation(ExampleServer server) {
    browser.open(server.uri("/redoc"));
    browser.waitForAll(By.cssSelector("[data-section-id*='operation/']"));
    List<Operation> expected = Operations.of(server.app()).all();
    assertThat(expected).isNotEmpty();
    List<String> sections =
        browser.driver().findElements(By.cssSelector("[data-section-id*='operation/']")).stream()
            .map(section -> section.getDomAttribute("data-section-id"))
            .map(id -> id.substring(id.lastIndexOf("operation/") + "operation/".length()))
            .distinct() // with tags, ReDoc marks an operation's section and its heading
            .toList();
    assertThat(sections)
        .containsExactlyInAnyOrderElementsOf(
            expected.stream().map(Operation::operationId).toList());
    List<String> menu =
        browser.driver().findElements(By.cssSelector("li[data-item-id*='operation/']")).stream()
            .map(item -> item.getDomAttribute("data-item-id"))
            .map(id -> id.substring(id.lastIndexOf("operation/") + "operation/".length()))
            .toList();
    assertThat(menu).containsExactlyInAnyOrderElementsOf(sections);
    for (Operation operation : expected) {
      assertThat(section(operation.operationId()).getText())
          .contains(operation.method())
          .contains(operation.path().replaceAll("\\{[^}]*}", ""));
    }
    assertThat(browser.driver().getTitle()).isEqualTo("Snel - ReDoc");
    assertThat(browser.consoleProblems()).isEmpty();
    assertThat(browser.loadedUrls())
        .allSatisfy(url -> assertThat(url).startsWith(server.origin() + "/"));
  }

  private WebElement section(String operationId) {
    return browser.driver().findElements(By.cssSelector("[data-section-id*='operation/']")).stream()
        .filter(
            section ->
                section.getDomAttribute("data-section-id").endsWith("operation/" + operationId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ReDoc section for operation " + operationId));
  }

  private void openResponse(WebElement operation, String status) {
    WebElement button =
        operation.findElements(By.cssSelector("button")).stream()
            .filter(b -> b.getText().startsWith(status))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no response " + status + " in " + operation.getText()));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }
}
