package dev.snel.openapi;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Discriminator;
import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.Status;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A route that returns a sealed interface of records answers each record with its own
 * {@code @Status}, and the document lists every status with its record's schema.
 */
class ResponseVariantsTest {
  public sealed interface ItemResult permits Found, Missing, Withdrawn {}

  public record Found(String name) implements ItemResult {}

  @Status(404)
  public record Missing(String detail) implements ItemResult {}

  @Status(404)
  public record Withdrawn(String detail, String reason) implements ItemResult {}

  @Discriminator("kind")
  public sealed interface JobResult permits Accepted, Conflict, Locked, Nothing {}

  public record Accepted(long id) implements JobResult {}

  @Status(409)
  public record Conflict(String detail) implements JobResult {}

  @Status(409)
  public record Locked(String detail, long until) implements JobResult {}

  @Status(204)
  public record Nothing() implements JobResult {}

  public static class Routes {
    @Get("/items/{name}")
    public ItemResult read(String name) {
      return switch (name) {
        case "missing" -> new Missing("Item not found");
        case "withdrawn" -> new Withdrawn("Item withdrawn", "recalled");
        default -> new Found(name);
      };
    }

    @Post("/jobs/{kind}")
    @Status(201)
    public JobResult start(String kind) {
      return switch (kind) {
        case "busy" -> new Conflict("A job is running");
        case "locked" -> new Locked("Jobs are locked", 1700000000);
        case "none" -> new Nothing();
        default -> new Accepted(7);
      };
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void a_record_without_a_status_gets_the_routes() {
    TestResponse response = client.get("/items/pen");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(json("{\"name\":\"pen\"}"));
    assertThat(client.request("POST", "/jobs/build").send().status()).isEqualTo(201);
  }

  @Test
  void a_record_with_a_status_is_sent_with_it() {
    TestResponse missing = client.get("/items/missing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json()).isEqualTo(json("{\"detail\":\"Item not found\"}"));
    TestResponse withdrawn = client.get("/items/withdrawn");
    assertThat(withdrawn.status()).isEqualTo(404);
    assertThat(withdrawn.json())
        .isEqualTo(json("{\"detail\":\"Item withdrawn\",\"reason\":\"recalled\"}"));
    TestResponse conflict = client.request("POST", "/jobs/busy").send();
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json())
        .isEqualTo(json("{\"kind\":\"Conflict\",\"detail\":\"A job is running\"}"));
    TestResponse locked = client.request("POST", "/jobs/locked").send();
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.json())
        .isEqualTo(
            json("{\"kind\":\"Locked\",\"detail\":\"Jobs are locked\",\"until\":1700000000}"));
  }

  @Test
  void a_204_record_is_sent_without_a_body() {
    TestResponse response = client.request("POST", "/jobs/none").send();
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void the_document_lists_each_status_with_its_records_schema() {
    JsonNode document = client.get("/openapi.json").json();
    assertThat(document.get("paths").get("/items/{name}").get("get").get("responses"))
        .isEqualTo(
            json(
                """
                {"200":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Found"}}}},
                 "404":{"description":"Not Found","content":{"application/json":{"schema":
                   {"anyOf":[{"$ref":"#/components/schemas/Missing"},{"$ref":"#/components/schemas/Withdrawn"}]}}}},
                 "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}"""));
    assertThat(document.get("components").get("schemas").get("Withdrawn").get("required"))
        .isEqualTo(json("[\"detail\",\"reason\"]"));
  }

  @Test
  void tagged_records_sharing_a_status_are_one_of_them_with_their_tags_and_a_204_has_no_content() {
    JsonNode document = client.get("/openapi.json").json();
    assertThat(document.get("paths").get("/jobs/{kind}").get("post").get("responses"))
        .isEqualTo(
            json(
                """
                {"201":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Accepted"}}}},
                 "204":{"description":"No Content"},
                 "409":{"description":"Conflict","content":{"application/json":{"schema":
                   {"oneOf":[{"$ref":"#/components/schemas/Conflict"},{"$ref":"#/components/schemas/Locked"}],
                    "discriminator":{"propertyName":"kind","mapping":{
                      "Conflict":"#/components/schemas/Conflict","Locked":"#/components/schemas/Locked"}}}}}},
                 "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}"""));
    assertThat(
            document.get("components").get("schemas").get("Conflict").get("properties").get("kind"))
        .isEqualTo(json("{\"const\":\"Conflict\",\"title\":\"Kind\",\"type\":\"string\"}"));
  }
}
