package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The seed's login in Swagger UI, as a person does it: Authorize with johndoe/secret through the
 * OAuth2 password flow (Swagger UI posts the form to /token), then "Try it out" on /users/me sends
 * the token and shows the user.
 */
@RequiresChromium
class AuthorizeInBrowserTest {
  @AutoClose
  private static final ExampleServer auth = ExampleServer.start(dev.snel.examples.auth.Main.app());

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
  void authorize_with_the_password_flow_then_try_users_me() {
    browser.open(auth.uri("/docs"));
    browser.waitForAll(By.cssSelector(".opblock"));
    browser.driver().findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
    WebElement dialog = browser.waitForAll(By.cssSelector(".auth-container")).getFirst();
    assertThat(dialog.getText()).contains("OAuth2PasswordBearer", "password");
    dialog.findElement(By.cssSelector("input#oauth_username")).sendKeys("johndoe");
    dialog.findElement(By.cssSelector("input#oauth_password")).sendKeys("secret");
    dialog.findElement(By.cssSelector("button.authorize")).click();
    browser.waitFor(
        d -> d.findElement(By.cssSelector(".auth-container")).getText().contains("Logout"));
    browser.screenshot("docs-auth-authorized.png");
    browser.driver().findElement(By.cssSelector("button.btn-done")).click();

    WebElement operation = operationBlock("GET", "/users/me");
    operation.findElement(By.cssSelector(".opblock-summary-control")).click();
    browser.waitFor(d -> operation.findElement(By.cssSelector("button.try-out__btn"))).click();
    operation.findElement(By.cssSelector("button.execute")).click();
    WebElement live = browser.waitForAll(By.cssSelector(".live-responses-table")).getFirst();
    browser.waitFor(d -> live.getText().contains("johndoe@example.com"));
    assertThat(live.findElement(By.cssSelector("tbody .response-col_status")).getText())
        .isEqualTo("200");
    assertThat(live.findElement(By.cssSelector("tbody .response-col_description")).getText())
        .contains("\"username\": \"johndoe\"", "\"disabled\": false");
    assertThat(operation.findElement(By.cssSelector(".curl-command")).getText())
        .contains("Authorization: Bearer geheim-token-123");
    browser.screenshot("docs-auth-users-me.png");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  private WebElement operationBlock(String method, String path) {
    return browser
        .driver()
        .findElements(By.cssSelector(".opblock-" + method.toLowerCase(Locale.ROOT)))
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
}
