package dev.snel.examples.pathparams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What docs/tutorial/path-params.md shows of the example, request by request. Run in-process and
 * over a real socket by the subclasses.
 */
abstract class PathParamsBehaviour {

  abstract TestClient client();

  abstract String baseUrl();

  /** Asserts a 200 JSON answer with exactly this body. */
  private void assertJson(String target, String body) {
    TestResponse response = client().get(target);
    assertThat(response.status()).as(target).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).as(target).isEqualTo(body);
  }

  /** Asserts a 422 answer with exactly this body. */
  private void assertInvalid(String target, String body) {
    TestResponse response = client().get(target);
    assertThat(response.status()).as(target).isEqualTo(422);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.text()).as(target).isEqualTo(body);
  }

  @Test
  void reads_a_parameter_by_its_wire_name_from_path() {
    assertJson("/orders/7", "{\"order\":7}");
  }

  @Test
  void names_the_wire_name_in_errors() {
    assertInvalid(
        "/orders/x",
        "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"path\",\"orderId\"],"
            + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\",\"input\":\"x\"}]}");
  }

  @Test
  void refuses_an_int_beyond_its_range_with_the_bound_in_ctx() {
    assertJson("/small/-2147483648", "{\"n\":-2147483648}");
    assertInvalid(
        "/small/-3000000000",
        "{\"detail\":[{\"type\":\"greater_than_equal\",\"loc\":[\"path\",\"n\"],"
            + "\"msg\":\"Input should be greater than or equal to -2147483648\",\"input\":\"-3000000000\","
            + "\"ctx\":{\"ge\":-2147483648}}]}");
    assertInvalid(
        "/small/2147483648",
        "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"path\",\"n\"],"
            + "\"msg\":\"Input should be less than or equal to 2147483647\",\"input\":\"2147483648\","
            + "\"ctx\":{\"le\":2147483647}}]}");
  }

  @ParameterizedTest(name = "/colors/{0}")
  @CsvSource({"red", "green", "blue"})
  void accepts_each_value_of_an_enum(String color) {
    assertJson("/colors/" + color, "{\"color\":\"" + color + "\"}");
  }

  @ParameterizedTest(name = "/colors/{0}")
  @CsvSource({"pink", "RED", "Red", "0"})
  void refuses_anything_else_listing_the_values(String color) {
    assertInvalid(
        "/colors/" + color,
        "{\"detail\":[{\"type\":\"enum\",\"loc\":[\"path\",\"color\"],"
            + "\"msg\":\"Input should be 'red', 'green' or 'blue'\",\"input\":\""
            + color
            + "\","
            + "\"ctx\":{\"expected\":\"'red', 'green' or 'blue'\"}}]}");
  }

  @Test
  void reads_and_writes_an_enum_by_its_json_value() {
    assertJson("/models/alexnet", "{\"model_name\":\"alexnet\",\"message\":\"the 2012 classic\"}");
    assertJson(
        "/models/resnet",
        "{\"model_name\":\"resnet\",\"message\":\"skip connections everywhere\"}");
    assertJson(
        "/models/lenet",
        "{\"model_name\":\"lenet\",\"message\":\"handwritten digits since 1998\"}");
  }

  @Test
  void refuses_the_constant_name_of_a_json_value_enum() {
    assertInvalid(
        "/models/ALEXNET",
        "{\"detail\":[{\"type\":\"enum\",\"loc\":[\"path\",\"model_name\"],"
            + "\"msg\":\"Input should be 'alexnet', 'resnet' or 'lenet'\",\"input\":\"ALEXNET\","
            + "\"ctx\":{\"expected\":\"'alexnet', 'resnet' or 'lenet'\"}}]}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/files/a/b/c | a/b/c",
        "/files//home/me/notes.txt | /home/me/notes.txt",
        "/files/ | ''",
        "/files/notes.txt | notes.txt",
        "/files/a%2Fb | a/b",
        "/files/my%20notes+old.txt | my notes+old.txt"
      })
  void a_path_parameter_takes_the_rest_of_the_path(String target, String filePath) {
    assertJson(target, "{\"file_path\":\"" + filePath + "\"}");
  }

  @Test
  void a_literal_segment_wins_over_a_parameter_whatever_the_order() {
    assertJson("/users/me", "{\"user_id\":\"the current user\"}");
    assertJson("/users/42", "{\"user_id\":\"42\"}");
    assertJson("/users/mine", "{\"user_id\":\"mine\"}");
    assertJson("/users/hello%20world", "{\"user_id\":\"hello world\"}");
  }

  @ParameterizedTest(name = "GET {0} -> 404")
  @CsvSource({"/users/", "/users/42/posts", "/users/a%2Fb", "/orders/", "/items/5"})
  void a_parameter_fills_exactly_one_non_empty_segment(String target) {
    TestResponse response = client().get(target);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.text()).isEqualTo("{\"detail\":\"Not Found\"}");
  }

  @Test
  void redirects_a_trailing_slash_keeping_the_query() {
    TestResponse response = client().get("/models/alexnet/?verbose=1");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains(baseUrl() + "/models/alexnet?verbose=1");
    assertThat(response.body()).isEmpty();
    assertThat(client().get("/files").header("location")).contains(baseUrl() + "/files/");
  }

  @Test
  void answers_another_method_with_405_and_allow() {
    TestResponse response = client().request("DELETE", "/users/me").send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("allow")).contains("GET");
    assertThat(response.text()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
  }
}
