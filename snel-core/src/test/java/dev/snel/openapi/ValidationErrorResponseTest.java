package dev.snel.openapi;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An app that answers invalid requests its own way declares it once, and every operation's
 * validation-error response follows: the status and schema the handler really sends.
 */
class ValidationErrorResponseTest {
  /** The app's own error body. */
  public record Problem(String title, List<String> fields) {}

  public static class Routes {
    @Get("/items/{item_id}")
    public long read(long item_id) {
      return item_id;
    }

    @Get("/health")
    public String health() {
      return "ok";
    }
  }

  static Snel app() {
    Snel app =
        Snel.create()
            .include(new Routes())
            .exceptionHandler(
                RequestValidationException.class,
                (request, e) ->
                    Response.json(
                            new Problem(
                                "Invalid request",
                                e.errors().stream()
                                    .map(error -> String.valueOf(error.loc().getLast()))
                                    .toList()))
                        .status(400));
    app.openApi().validationErrorResponse(400, Problem.class);
    return app;
  }

  @Test
  void the_handler_answers_with_its_status_and_body() {
    TestResponse response = TestClient.of(app()).get("/items/abc");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json())
        .isEqualTo(json("{\"title\":\"Invalid request\",\"fields\":[\"item_id\"]}"));
  }

  @Test
  void the_document_lists_that_status_and_schema_instead_of_422() {
    JsonNode document = TestClient.of(app()).get("/openapi.json").json();
    assertThat(document.get("paths").get("/items/{item_id}").get("get").get("responses"))
        .isEqualTo(
            json(
                """
                {"200":{"description":"Successful Response","content":{"application/json":{"schema":{"type":"integer","title":"Response Read Items  Item Id  Get"}}}},
                 "400":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}"""));
    assertThat(document.get("components").get("schemas").propertyNames())
        .containsExactly("Problem");
    assertThat(
            document
                .get("components")
                .get("schemas")
                .get("Problem")
                .get("properties")
                .propertyNames())
        .containsExactly("title", "fields");
  }

  @Test
  void an_operation_without_parameters_has_no_validation_error_response() {
    JsonNode document = TestClient.of(app()).get("/openapi.json").json();
    assertThat(document.get("paths").get("/health").get("get").get("responses").propertyNames())
        .containsExactly("200");
  }

  @Test
  void without_the_declaration_the_document_keeps_fastapis_422() {
    JsonNode document =
        TestClient.of(Snel.create().include(new Routes())).get("/openapi.json").json();
    assertThat(
            document
                .get("paths")
                .get("/items/{item_id}")
                .get("get")
                .get("responses")
                .propertyNames())
        .containsExactly("200", "422");
    assertThat(document.get("components").get("schemas").propertyNames())
        .containsExactly("HTTPValidationError", "ValidationError");
  }
}
