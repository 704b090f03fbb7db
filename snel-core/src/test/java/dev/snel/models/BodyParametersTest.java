package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Body;
import dev.snel.Post;
import dev.snel.Put;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FastAPI's body rules: one model parameter is the whole body; several body parameters, or {@code
 * Body(embed=True)}, are each the body member of their name, and a missing member is "missing" at
 * {@code ["body", name]}.
 */
class BodyParametersTest {

  public record Item(String name, double price) {}

  public record User(String username, Optional<String> full_name) {}

  public static class Routes {
    @Put("/items/{item_id}")
    public Map<String, Object> update(int item_id, Item item, User user, @Body int importance) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("item_id", item_id);
      answer.put("item", item);
      answer.put("user", user);
      answer.put("importance", importance);
      return answer;
    }

    @Put("/offers")
    public Map<String, Object> offer(Item item, Optional<User> user) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("item", item.name());
      answer.put("has_user", user.isPresent());
      return answer;
    }

    @Post("/embedded")
    public Item embedded(@Body(embed = true) Item item) {
      return item;
    }

    @Post("/importance")
    public Map<String, Object> importance(
        Item item, @Body @jakarta.validation.constraints.Positive int importance) {
      return Map.of("importance", importance);
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static TestResponse putJson(String target, String body) {
    return client
        .request("PUT", target)
        .body(body.getBytes(StandardCharsets.UTF_8), Response.JSON)
        .send();
  }

  @Test
  void several_body_parameters_are_the_members_of_their_names() {
    TestResponse response =
        client
            .request("PUT", "/items/5")
            .json(
                Map.of(
                    "item", Map.of("name", "Foo", "price", 42.0),
                    "user", Map.of("username", "dave", "full_name", "Dave Grohl"),
                    "importance", 5))
            .send();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"item_id": 5, "item": {"name": "Foo", "price": 42.0},
                 "user": {"username": "dave", "full_name": "Dave Grohl"}, "importance": 5}"""));
  }

  @Test
  void each_missing_member_is_missing_under_its_name() {
    TestResponse response =
        client
            .request("PUT", "/items/5")
            .json(Map.of("item", Map.of("name", "Foo", "price", 42.0)))
            .send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"missing","loc":["body","user"],"msg":"Field required","input":null},
                  {"type":"missing","loc":["body","importance"],"msg":"Field required","input":null}]}"""));
  }

  @Test
  void errors_inside_a_member_name_the_member_then_the_field() {
    TestResponse response =
        client
            .request("PUT", "/items/x")
            .json(
                Map.of(
                    "item",
                    Map.of("name", "Foo", "price", "free"),
                    "user",
                    Map.of(),
                    "importance",
                    "high"))
            .send();

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"int_parsing","loc":["path","item_id"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"},
                  {"type":"float_parsing","loc":["body","item","price"],
                   "msg":"Input should be a valid number, unable to parse string as a number","input":"free"},
                  {"type":"missing","loc":["body","user","username"],"msg":"Field required","input":{}},
                  {"type":"int_parsing","loc":["body","importance"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"high"}]}"""));
  }

  @Test
  void a_body_that_is_not_an_object_leaves_every_member_missing() {
    TestResponse response = postJson(client, "/embedded", "[{\"name\": \"Foo\", \"price\": 1}]");

    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"item\"],\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @Test
  void an_optional_body_parameter_may_be_left_out() {
    TestResponse without =
        client
            .request("PUT", "/offers")
            .json(Map.of("item", Map.of("name", "Foo", "price", 1)))
            .send();
    TestResponse withNull =
        putJson("/offers", "{\"item\": {\"name\": \"Foo\", \"price\": 1}, \"user\": null}");
    TestResponse with =
        putJson(
            "/offers",
            "{\"item\": {\"name\": \"Foo\", \"price\": 1}, \"user\": {\"username\": \"dave\"}}");

    assertThat(without.json()).isEqualTo(json("{\"item\": \"Foo\", \"has_user\": false}"));
    assertThat(withNull.json()).isEqualTo(json("{\"item\": \"Foo\", \"has_user\": false}"));
    assertThat(with.json()).isEqualTo(json("{\"item\": \"Foo\", \"has_user\": true}"));
  }

  @Test
  void an_embedded_body_parameter_is_read_from_the_member_of_its_name() {
    TestResponse embedded =
        postJson(client, "/embedded", "{\"item\": {\"name\": \"Foo\", \"price\": 35.4}}");
    TestResponse notEmbedded =
        postJson(client, "/embedded", "{\"name\": \"Foo\", \"price\": 35.4}");

    assertThat(embedded.json()).isEqualTo(json("{\"name\": \"Foo\", \"price\": 35.4}"));
    assertThat(notEmbedded.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"item\"],\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @Test
  void errors_in_an_embedded_body_name_the_member() {
    TestResponse response = postJson(client, "/embedded", "{\"item\": {\"name\": \"Foo\"}}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"missing","loc":["body","item","price"],"msg":"Field required","input":{"name":"Foo"}}]}"""));
  }

  @Test
  void constraints_on_a_scalar_body_parameter_are_checked() {
    TestResponse response =
        client
            .request("POST", "/importance")
            .json(Map.of("item", Map.of("name", "Foo", "price", 1.0), "importance", -1))
            .send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"type": "greater_than", "loc": ["body", "importance"],
                  "msg": "Input should be greater than 0", "input": -1, "ctx": {"gt": 0}}]}"""));
  }
}
