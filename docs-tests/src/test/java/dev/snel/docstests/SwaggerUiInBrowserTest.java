package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.docstests.Operations.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Swagger UI at /docs, in a real (headless) browser, with no internet. */
@RequiresChromium
class SwaggerUiInBrowserTest {
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
  void renders_every_operation_of_the_minimal_example() {
    assertRendersEveryOperation(minimal);
  }

  @Test
  void renders_every_operation_and_model_of_the_users_models_example() {
    assertRendersEveryOperation(usersModels);
    String models = browser.driver().findElement(By.cssSelector("section.models")).getText();
    assertThat(models)
        .contains("UserCreate", "UserResponse", "HTTPValidationError", "ValidationError");
    browser.screenshot("docs-users-models.png");
  }

  @Test
  void try_it_out_and_execute_on_get_items_show_the_json_answer() {
    browser.open(minimal.uri("/docs"));
    WebElement operation = operationBlock("GET", "/items/{item_id}");
    operation.findElement(By.cssSelector(".opblock-summary-control")).click();
    browser.waitFor(d -> operation.findElement(By.cssSelector("button.try-out__btn"))).click();
    operation.findElement(By.cssSelector("tr[data-param-name='item_id'] input")).sendKeys("5");
    operation.findElement(By.cssSelector("tr[data-param-name='q'] input")).sendKeys("x");
    operation.findElement(By.cssSelector("button.execute")).click();

    WebElement live = browser.waitForAll(By.cssSelector(".live-responses-table")).getFirst();
    browser.waitFor(d -> live.getText().contains("\"item_id\": 5"));
    assertThat(live.findElement(By.cssSelector("tbody .response-col_status")).getText())
        .isEqualTo("200");
    assertThat(live.findElement(By.cssSelector("tbody .response-col_description")).getText())
        .contains("\"item_id\": 5", "\"query_param\": \"x\"");
    assertThat(operation.findElement(By.cssSelector(".request-url")).getText())
        .contains(minimal.origin() + "/items/5?q=x");
    // deepLinking (on by default, as in FastAPI) puts the open operation in the address
    assertThat(browser.driver().getCurrentUrl())
        .endsWith("#/default/read_item_items__item_id__get");
    browser.screenshot("docs.png");
    assertThat(browser.consoleProblems()).isEmpty();
    assertOnlyLocalUrls(minimal);
  }

  @Test
  void the_oauth2_redirect_page_hands_the_authorization_code_back_to_swagger_ui() {
    browser.open(minimal.uri("/docs"));
    browser.waitForAll(By.cssSelector(".opblock"));
    String docsWindow = browser.driver().getWindowHandle();
    // What Swagger UI sets up before it sends the user to the authorization server, which then
    // redirects to /docs/oauth2-redirect with the code and the state.
    browser.script(
        """
        window.swaggerUIRedirectOauth2 = {
          state: "s-42",
          redirectUrl: arguments[0],
          auth: {name: "OAuth2", code: null, schema: {get: key => key === "flow" ? "authorizationCode" : null}},
          callback: result => { window.oauth2Result = {code: result.auth.code, redirectUrl: result.redirectUrl}; },
          errCb: error => { window.oauth2Error = error; }
        };
        window.open(arguments[0] + "?code=the-code&state=s-42");
        """,
        minimal.origin() + "/docs/oauth2-redirect");

    Object result = browser.waitFor(d -> browser.script("return window.oauth2Result;"));
    assertThat(result)
        .isEqualTo(
            Map.of("code", "the-code", "redirectUrl", minimal.origin() + "/docs/oauth2-redirect"));
    assertThat(browser.script("return window.oauth2Error === undefined;")).isEqualTo(true);
    // the redirect page closes itself
    browser.waitFor(d -> d.getWindowHandles().size() == 1);
    assertThat(browser.driver().getWindowHandle()).isEqualTo(docsWindow);
  }

  private void assertRendersEveryOperation(ExampleServer server) {
    browser.open(server.uri("/docs"));
    browser.waitForAll(By.cssSelector(".opblock"));
    List<Operation> expected = Operations.of(server.app()).all();
    assertThat(expected).isNotEmpty();
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
    assertThat(rendered)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Operation::toString).toList());
    assertThat(browser.driver().getTitle()).isEqualTo("Snel - Swagger UI");
    assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText())
        .contains("Snel", "OAS 3.1");
    assertThat(browser.consoleProblems()).isEmpty();
    assertOnlyLocalUrls(server);
  }

  private WebElement operationBlock(String method, String path) {
    browser.waitForAll(By.cssSelector(".opblock"));
    return browser
        .driver()
        .findElements(By.cssSelector(".opblock-" + method.toLowerCase(java.util.Locale.ROOT)))
        .stream()
        .filter(
            block ->
                path.equals(
                    block
                        .findElement(By.cssSelector(".opblock-summary-path"))
                        .getDomAttribute("data-path")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no operation block for " + method + " " + path));
  }

  private void assertOnlyLocalUrls(ExampleServer server) {
    assertThat(browser.loadedUrls())
        .isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith(server.origin() + "/"));
  }
}
