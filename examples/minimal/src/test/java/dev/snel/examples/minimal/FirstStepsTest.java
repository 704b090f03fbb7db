package dev.snel.examples.minimal;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.examples.minimal.Returns.Item;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answers docs/tutorial/first-steps.md shows, beside the seed's app. */
class FirstStepsTest {
  private final TestClient client = TestClient.of(FirstSteps.app());

  @Test
  void the_classic_first_app_says_hello() {
    assertThat(client.get("/").text()).isEqualTo("{\"message\":\"Hello from Snel\"}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/record | {\"name\":\"Hammer\",\"price\":9.5}",
        "/list | [1,2,3]",
        "/text | \"hello\"",
        "/nothing | null"
      })
  void return_values_become_json(String path, String body) {
    TestResponse response = client.get(path);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).isEqualTo(body);
  }

  @Test
  void a_response_is_sent_as_built() {
    TestResponse response = client.get("/html");

    assertThat(response.header("content-type")).contains("text/html; charset=utf-8");
    assertThat(response.text()).isEqualTo("<h1>Hello</h1>");
  }

  @Test
  void status_says_201_and_204() {
    TestResponse created = client.post("/items", Map.of("name", "Saw", "price", 12));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json(Item.class)).isEqualTo(new Item("Saw", 12));
    assertThat(created.text()).isEqualTo("{\"name\":\"Saw\",\"price\":12.0}");

    TestResponse deleted = client.delete("/items/saw");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
  }

  @Test
  void the_injected_response_sets_the_status_over_status() {
    assertThat(client.get("/maybe/new").status()).isEqualTo(201);
    assertThat(client.get("/maybe/old").status()).isEqualTo(200);
    assertThat(client.get("/maybe/old").json()).isEqualTo(json("{\"name\":\"old\"}"));
  }

  @Test
  void routers_put_routes_under_their_prefixes() {
    TestClient api = TestClient.of(FirstSteps.routerApp());

    assertThat(api.get("/api/users/3").json()).isEqualTo(json("{\"id\":3,\"name\":\"alice\"}"));
    assertThat(api.get("/api/users").json()).isEqualTo(json("[{\"id\":1,\"name\":\"alice\"}]"));
  }
}
