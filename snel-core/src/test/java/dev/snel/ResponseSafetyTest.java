package dev.snel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * What a handler cannot break: a header or cookie that would split the response is refused where it
 * is set (a 500 for the request, never a corrupt response), and HEAD never changes a response the
 * handler shares between requests.
 */
class ResponseSafetyTest {

  public static class Routes {
    static final Response SHARED = Response.text("hello");

    @Get("/shared")
    public Response shared() {
      return SHARED;
    }

    @Get("/split")
    public String split(Response response) {
      response.header("x-a", "1\r\nx-injected: 2");
      return "never sent";
    }

    @Get("/cookie")
    public String cookie(Response response) {
      response.cookie("session", "a b;Path=/admin\"\\");
      return "ok";
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void head_leaves_a_shared_response_whole_for_the_next_get() {
    TestResponse head = client.head("/shared");
    assertThat(head.body()).isEmpty();
    assertThat(head.header("content-length")).contains("5");
    assertThat(client.get("/shared").text()).isEqualTo("hello");
    assertThat(Routes.SHARED.bodyText()).isEqualTo("hello");
  }

  @Test
  void a_header_value_with_cr_lf_is_a_500_not_a_split_response() {
    TestResponse response = client.get("/split");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("x-injected")).isEmpty();
    assertThat(response.header("x-a")).isEmpty();
  }

  @Test
  void a_cookie_value_is_quoted_as_python_quotes_it_so_it_cannot_add_attributes() {
    assertThat(client.get("/cookie").header("set-cookie"))
        .contains("session=\"a b\\073Path=/admin\\\"\\\\\"; Path=/; SameSite=lax");
  }

  @Test
  void headers_refuse_what_cannot_be_sent() {
    Headers headers = Headers.create();
    assertThatThrownBy(() -> headers.add("x-a", "1\nx-b: 2")).hasMessageContaining("U+000A");
    assertThatThrownBy(() -> headers.add("x a", "1")).hasMessageContaining("header name");
    assertThatThrownBy(() -> headers.add("", "1")).hasMessageContaining("empty");
    assertThatThrownBy(() -> headers.add("x-a", "\u20ac")).hasMessageContaining("U+20AC");
    assertThat(headers.add("x-a", "caf\u00e9\t1").first("x-a")).contains("caf\u00e9\t1");
  }

  @Test
  void a_cookie_name_must_be_a_token_and_a_status_three_digits() {
    assertThatThrownBy(() -> Response.text("x").cookie("a=b", "1"))
        .hasMessageContaining("cookie name");
    assertThatThrownBy(() -> Response.text("x").status(-1)).hasMessageContaining("three digits");
    assertThatThrownBy(() -> Response.empty(1000)).hasMessageContaining("three digits");
  }
}
