package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Email;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generic model ({@code Page<T>}) is compiled per type argument, like pydantic's {@code
 * Page[User]}: as a body its items are read as the argument's model, and as a response model its
 * items are filtered through it.
 */
class GenericsTest {

  public record Page<T>(List<T> items, int total) {}

  public record User(String name, @Email String email) {}

  /** A stored user, password included. */
  public record UserRow(long id, String name, String email, String password) {}

  public static class Routes {
    @Post("/users/page")
    public Page<User> echo(Page<User> page) {
      return page;
    }

    @Post("/users/page/kinds")
    public Map<String, Object> kinds(Page<User> page) {
      return Map.of("kinds", page.items().stream().map(u -> u.getClass().getSimpleName()).toList());
    }

    @Post("/numbers/page")
    public Page<Integer> numbers(Page<Integer> page) {
      return page;
    }

    @Get("/users")
    @SuppressWarnings("unchecked")
    public Page<User> users() {
      // the rows are not Users: the response model takes a User's members from each of them
      Object rows = new Page<>(List.of(new UserRow(1, "ann", "ann@example.com", "hunter2")), 1);
      return (Page<User>) rows;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void a_generic_body_reads_its_items_as_the_type_argument() {
    TestResponse kinds =
        postJson(
            client,
            "/users/page/kinds",
            "{\"items\": [{\"name\": \"ann\", \"email\": \"ann@example.com\"}], \"total\": 1}");
    TestResponse echoed =
        postJson(
            client,
            "/users/page",
            "{\"items\": [{\"name\": \"ann\", \"email\": \"ann@example.com\", \"admin\": true}], \"total\": \"1\"}");

    assertThat(kinds.json()).isEqualTo(json("{\"kinds\": [\"User\"]}"));
    assertThat(echoed.json())
        .isEqualTo(
            json(
                "{\"items\": [{\"name\": \"ann\", \"email\": \"ann@example.com\"}], \"total\": 1}"));
  }

  @Test
  void a_generic_body_validates_its_items_as_the_type_argument() {
    TestResponse users =
        postJson(
            client,
            "/users/page",
            "{\"items\": [{\"name\": \"ann\", \"email\": \"ann@example.com\"}, {\"name\": \"bob\", \"email\": \"bob\"}], \"total\": \"two\"}");
    TestResponse numbers =
        postJson(client, "/numbers/page", "{\"items\": [1, \"2\", \"three\"], \"total\": 3}");

    assertThat(users.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"value_error","loc":["body","items",1,"email"],
                   "msg":"value is not a valid email address: An email address must have an @-sign.","input":"bob",
                   "ctx":{"reason":"An email address must have an @-sign."}},
                  {"type":"int_parsing","loc":["body","total"],
                   "msg":"Input should be a valid integer, unable to parse string as an integer","input":"two"}]}"""));
    assertThat(numbers.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"int_parsing","loc":["body","items",2],
                  "msg":"Input should be a valid integer, unable to parse string as an integer","input":"three"}]}"""));
  }

  @Test
  void a_generic_response_model_filters_each_item_through_the_type_argument() {
    TestResponse response = client.get("/users");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"items\": [{\"name\": \"ann\", \"email\": \"ann@example.com\"}], \"total\": 1}"));
    assertThat(response.text()).doesNotContain("hunter2");
  }
}
