package dev.snel.docstests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The streaming example's {@code /static/live.html} in a browser, over the real server: the
 * browser's own {@code EventSource} reads the model's tokens from {@code /stream/words}, and its
 * own {@code WebSocket} talks to {@code /ws/echo}, as a user of the page sees them.
 */
@RequiresChromium
class StreamingInBrowserTest {
  @AutoClose
  private static final ExampleServer streaming =
      ExampleServer.start(dev.snel.examples.streaming.Main.app());

  private Chromium browser;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start();
    browser.open(streaming.uri("/static/live.html"));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void the_tokens_appear_in_order_then_the_page_says_done() {
    stream("tokens arrive one by one", "20");

    browser.waitFor(d -> text("stream-status").equals("done"));
    assertThat(texts("#tokens li")).containsExactly("tokens", "arrive", "one", "by", "one");
    browser.screenshot("streaming-live-done.png");
    assertThat(browser.consoleProblems()).isEmpty();
    assertThat(browser.loadedUrls())
        .allSatisfy(url -> assertThat(url).startsWith(streaming.origin() + "/"));
  }

  @Test
  void the_first_token_is_on_the_page_while_the_model_still_works() {
    // a minute between tokens: the second cannot come (nor the end) while the test looks
    stream("first second third", "60000");

    browser.waitFor(d -> !texts("#tokens li").isEmpty());
    assertThat(texts("#tokens li")).containsExactly("first");
    assertThat(text("stream-status")).isEqualTo("streaming");
    browser.screenshot("streaming-live-first-token.png");

    // a new prompt abandons that answer; the next one streams to the end
    stream("again", "0");
    browser.waitFor(d -> text("stream-status").equals("done"));
    assertThat(texts("#tokens li")).containsExactly("again");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void the_websocket_echoes_each_message_sent() {
    browser.driver().findElement(By.id("connect")).click();
    browser.waitFor(d -> text("ws-status").equals("connected"));

    send("hello, Snel");
    browser.waitFor(d -> texts("#echoes li").size() == 1);
    send("a second message");
    browser.waitFor(d -> texts("#echoes li").size() == 2);

    assertThat(texts("#echoes li")).containsExactly("hello, Snel", "a second message");
    assertThat(text("ws-status")).isEqualTo("connected");
    browser.screenshot("streaming-live-websocket.png");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void a_wrong_token_is_refused() {
    type("token", "not-the-token");
    browser.driver().findElement(By.id("connect")).click();

    browser.waitFor(d -> text("ws-status").startsWith("refused"));
    // the browser hides the handshake's status from the page: it closes with 1006
    assertThat(text("ws-status")).isEqualTo("refused (code 1006)");
    assertThat(texts("#echoes li")).isEmpty();
    // ...but says it in the console
    assertThat(browser.consoleProblems())
        .singleElement()
        .asString()
        .contains("/ws/echo?token=not-the-token", "403");
  }

  private void stream(String prompt, String delayMs) {
    type("prompt", prompt);
    type("delay", delayMs);
    browser.driver().findElement(By.id("stream")).click();
  }

  private void send(String message) {
    type("message", message);
    browser.driver().findElement(By.id("send")).click();
  }

  private void type(String id, String value) {
    WebElement input = browser.driver().findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private String text(String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  private List<String> texts(String selector) {
    return browser.driver().findElements(By.cssSelector(selector)).stream()
        .map(WebElement::getText)
        .toList();
  }
}
