package dev.snel.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;

class MainTest {
  private final TestClient client = TestClient.of(Main.app());

  @Test
  void reads_an_item_with_its_query() {
    TestResponse response = client.get("/items/5?q=x");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"item_id\": 5, \"query_param\": \"x\"}"));
  }

  @Test
  void rejects_a_non_integer_item_id_with_422() {
    TestResponse response = client.get("/items/foo");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString())
        .isEqualTo("int_parsing");
  }

  @Test
  void answers_head_like_get_without_a_body() {
    TestResponse response = client.head("/items/5");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-length")).contains("32");
    assertThat(response.text()).isEmpty();
  }
}
