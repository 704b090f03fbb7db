package dev.snel.openapi;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Examples;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code openApi30(true)} serves the same document as OpenAPI 3.0.3, for tools that do not read
 * 3.1.
 */
class OpenApi30Test {
  public record Order(String product, Optional<String> note, @Positive int quantity) {}

  public record Paid(long id) {}

  public static class Routes {
    @Get("/items/{item_id}")
    public String read(
        long item_id,
        Optional<String> q,
        @DecimalMin(value = "0.5", inclusive = false) double weight,
        @Examples("\"x\"") String code) {
      return "";
    }

    @Post("/orders")
    public Paid order(Order order) {
      return new Paid(1);
    }
  }

  static Snel app(boolean openApi30) {
    Snel app = Snel.create().include(new Routes());
    app.openApi()
        .summary("One line.")
        .license("MIT", "MIT")
        .webhook("paid", "POST", Paid.class)
        .openApi30(openApi30);
    return app;
  }

  private static JsonNode document(boolean openApi30) {
    return TestClient.of(app(openApi30)).get("/openapi.json").json();
  }

  private static JsonNode parameter(JsonNode document, String name) {
    for (JsonNode parameter :
        document.get("paths").get("/items/{item_id}").get("get").get("parameters")) {
      if (parameter.get("name").asString().equals(name)) {
        return parameter.get("schema");
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  @Test
  void the_31_document_uses_null_types_numeric_exclusive_bounds_and_examples() {
    JsonNode document = document(false);
    assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(parameter(document, "q"))
        .isEqualTo(json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"title\":\"Q\"}"));
    assertThat(parameter(document, "weight"))
        .isEqualTo(json("{\"type\":\"number\",\"exclusiveMinimum\":0.5,\"title\":\"Weight\"}"));
    assertThat(parameter(document, "code"))
        .isEqualTo(json("{\"type\":\"string\",\"title\":\"Code\",\"examples\":[\"x\"]}"));
    assertThat(document.has("webhooks")).isTrue();
  }

  @Test
  void the_30_document_says_nullable_and_uses_boolean_exclusive_bounds_and_one_example() {
    JsonNode document = document(true);
    assertThat(document.get("openapi").asString()).isEqualTo("3.0.3");
    assertThat(parameter(document, "q"))
        .isEqualTo(json("{\"type\":\"string\",\"nullable\":true,\"title\":\"Q\"}"));
    assertThat(parameter(document, "weight"))
        .isEqualTo(
            json(
                "{\"type\":\"number\",\"minimum\":0.5,\"exclusiveMinimum\":true,\"title\":\"Weight\"}"));
    assertThat(parameter(document, "code"))
        .isEqualTo(json("{\"type\":\"string\",\"title\":\"Code\",\"example\":\"x\"}"));
    JsonNode order = document.get("components").get("schemas").get("Order").get("properties");
    assertThat(order.get("quantity"))
        .isEqualTo(
            json(
                "{\"type\":\"integer\",\"minimum\":0,\"exclusiveMinimum\":true,\"title\":\"Quantity\"}"));
    assertThat(order.get("note").get("nullable").asBoolean()).isTrue();
    assertThat(order.get("note").has("anyOf")).isFalse();
  }

  @Test
  void the_30_document_drops_what_30_cannot_say() {
    JsonNode document = document(true);
    assertThat(document.has("webhooks")).isFalse();
    assertThat(document.get("info").has("summary")).isFalse();
    assertThat(document.get("info").get("license")).isEqualTo(json("{\"name\":\"MIT\"}"));
    assertThat(document.toString()).doesNotContain("\"type\":\"null\"");
  }

  @Test
  void a_nullable_reference_becomes_all_of_with_nullable() {
    class Routes2 {
      @Post("/maybe")
      public String maybe(Optional<Paid> paid) {
        return "";
      }
    }
    Snel app = Snel.create().include(new Routes2());
    app.openApi().openApi30(true);
    JsonNode schema =
        TestClient.of(app)
            .get("/openapi.json")
            .json()
            .get("paths")
            .get("/maybe")
            .get("post")
            .get("requestBody")
            .get("content")
            .get("application/json")
            .get("schema");
    assertThat(schema)
        .isEqualTo(
            json(
                "{\"allOf\":[{\"$ref\":\"#/components/schemas/Paid\"}],\"nullable\":true,\"title\":\"Paid\"}"));
  }
}
