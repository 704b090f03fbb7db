package dev.snel;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionHandlersTest {

  static class ThingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ThingException(String message) {
      super(message);
    }
  }

  static class SpecialThingException extends ThingException {
    private static final long serialVersionUID = 1L;

    SpecialThingException(String message) {
      super(message);
    }
  }

  public static class Routes {
    @Get("/items/{item_id}")
    public Map<String, Object> item(int item_id) {
      if (item_id == 0) {
        throw new HttpException(404, "Item not found", Map.of("X-Error", "There goes my error"));
      }
      if (item_id == 1) {
        throw new HttpException(400, Map.of("reason", "structured", "code", 7));
      }
      if (item_id == 2) {
        throw new HttpException(503);
      }
      return Map.of("item_id", item_id);
    }

    @Get("/thing")
    public String thing() {
      throw new ThingException("plain");
    }

    @Get("/special")
    public String special() {
      throw new SpecialThingException("special");
    }

    @Get("/boom")
    public String boom() {
      throw new IllegalStateException("secret internals: password=hunter2");
    }
  }

  private static Snel app() {
    return Snel.create().include(new Routes());
  }

  @Test
  void an_http_exception_becomes_its_status_with_detail_and_headers() {
    TestResponse response = TestClient.of(app()).get("/items/0");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Item not found\"}"));
    assertThat(response.header("x-error")).contains("There goes my error");
  }

  @Test
  void an_http_exception_detail_may_be_any_json_value() {
    TestResponse response = TestClient.of(app()).get("/items/1");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail"))
        .isEqualTo(json("{\"reason\":\"structured\",\"code\":7}"));
  }

  @Test
  void an_http_exception_without_detail_uses_the_reason_phrase() {
    assertThat(TestClient.of(app()).get("/items/2").json())
        .isEqualTo(json("{\"detail\":\"Service Unavailable\"}"));
  }

  @Test
  void an_uncaught_exception_is_a_plain_500_without_internals_and_with_a_request_id() {
    TestResponse response = TestClient.of(app()).get("/boom");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
    assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
    assertThat(response.header("x-request-id")).isPresent();
  }

  @Test
  void the_client_request_id_is_echoed_on_a_500() {
    TestResponse response =
        TestClient.of(app()).request("GET", "/boom").header("x-request-id", "abc-123").send();
    assertThat(response.header("x-request-id")).contains("abc-123");
  }

  @Test
  void a_registered_handler_turns_a_custom_exception_into_its_response() {
    Snel app =
        app()
            .exceptionHandler(
                ThingException.class,
                (request, e) -> Response.json(Map.of("message", e.getMessage())).status(418));
    TestResponse response = TestClient.of(app).get("/thing");
    assertThat(response.status()).isEqualTo(418);
    assertThat(response.json()).isEqualTo(json("{\"message\":\"plain\"}"));
  }

  @Test
  void the_handler_of_the_nearest_superclass_wins() {
    Snel app =
        app()
            .exceptionHandler(
                ThingException.class, (request, e) -> Response.text("general").status(418))
            .exceptionHandler(
                SpecialThingException.class, (request, e) -> Response.text("specific").status(419));
    TestClient client = TestClient.of(app);
    assertThat(client.get("/special").text()).isEqualTo("specific");
    assertThat(client.get("/thing").text()).isEqualTo("general");
  }

  @Test
  void a_handler_for_a_superclass_catches_subclasses() {
    Snel app =
        app()
            .exceptionHandler(
                ThingException.class, (request, e) -> Response.text(e.getMessage()).status(418));
    assertThat(TestClient.of(app).get("/special").text()).isEqualTo("special");
  }

  @Test
  void the_built_in_http_exception_handler_can_be_replaced_and_reused() {
    Snel app =
        app()
            .exceptionHandler(
                HttpException.class,
                (request, e) ->
                    DefaultExceptionHandlers.httpException(request, e).header("x-wrapped", "yes"));
    TestClient client = TestClient.of(app);
    TestResponse notFound = client.get("/nope");
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("x-wrapped")).contains("yes");
    assertThat(notFound.json()).isEqualTo(json("{\"detail\":\"Not Found\"}"));
    assertThat(client.get("/items/0").header("x-wrapped")).contains("yes");
  }

  @Test
  void the_validation_error_handler_can_be_replaced() {
    Snel app =
        app()
            .exceptionHandler(
                RequestValidationException.class,
                (request, e) -> Response.text(e.errors().get(0).type()).status(400));
    TestResponse response = TestClient.of(app).get("/items/abc");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).isEqualTo("int_parsing");
  }

  @Test
  void the_500_handler_can_be_replaced() {
    Snel app =
        app()
            .exceptionHandler(
                Throwable.class, (request, e) -> Response.json(Map.of("oops", true)).status(500));
    assertThat(TestClient.of(app).get("/boom").json()).isEqualTo(json("{\"oops\":true}"));
  }

  @Test
  void a_failing_exception_handler_falls_back_to_a_500() {
    Snel app =
        app()
            .exceptionHandler(
                ThingException.class,
                (request, e) -> {
                  throw new IllegalStateException("handler bug");
                });
    TestResponse response = TestClient.of(app).get("/thing");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
  }
}
