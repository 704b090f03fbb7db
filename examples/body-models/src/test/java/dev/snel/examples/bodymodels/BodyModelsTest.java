package dev.snel.examples.bodymodels;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every body and model feature the tutorial page shows, as a client sees it. */
class BodyModelsTest {
  private final TestClient client = TestClient.of(Main.app());

  private TestResponse send(String method, String path, String json) {
    return client
        .request(method, path)
        .body(json.getBytes(StandardCharsets.UTF_8), "application/json")
        .send();
  }

  @Test
  void fills_defaults_and_optional_members_of_a_nested_model() {
    TestResponse response =
        send(
            "PUT",
            "/items/1",
            "{\"name\":\"Foo\",\"price\":35.4,\"images\":[{\"url\":\"http://x/a.png\",\"name\":\"a\"}]}");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"item_id":1,"item":{"name":"Foo","description":null,"price":35.4,"tax":0.0,"tags":[],
                 "images":[{"url":"http://x/a.png","name":"a"}]}}"""));
    assertThat(response.text()).startsWith("{\"item_id\":1,\"item\":{"); // FastAPI's dict order
  }

  @Test
  void leaves_out_unset_members_when_the_response_model_says_exclude_none() {
    send("PUT", "/items/7", "{\"name\":\"Foo\",\"price\":1}");
    assertThat(client.get("/items/7").json())
        .isEqualTo(json("{\"name\":\"Foo\",\"price\":1.0,\"tax\":0.0,\"tags\":[]}"));
    assertThat(client.get("/items/8").json()).isEqualTo(json("{\"detail\":\"Item not found\"}"));
  }

  @Test
  void reports_every_error_with_its_exact_location_in_nested_lists() {
    TestResponse response =
        send(
            "PUT",
            "/items/2",
            "{\"name\":\"\",\"price\":-1,\"tax\":\"x\",\"images\":[{\"url\":\"u\"},{\"url\":\"v\",\"name\":5}]}");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                 {"type":"string_too_short","loc":["body","name"],"msg":"String should have at least 1 character","input":"","ctx":{"min_length":1}},
                 {"type":"greater_than","loc":["body","price"],"msg":"Input should be greater than 0","input":-1,"ctx":{"gt":0}},
                 {"type":"float_parsing","loc":["body","tax"],"msg":"Input should be a valid number, unable to parse string as a number","input":"x"},
                 {"type":"missing","loc":["body","images",0,"name"],"msg":"Field required","input":{"url":"u"}},
                 {"type":"string_type","loc":["body","images",1,"name"],"msg":"Input should be a valid string","input":5}]}"""));
  }

  @Test
  void embeds_several_body_parameters_by_name() {
    TestResponse response =
        send("POST", "/offers", "{\"item\":{\"name\":\"Foo\",\"price\":1},\"importance\":5}");
    assertThat(response.json().get("importance").asInt()).isEqualTo(5);
    assertThat(response.json().get("item").get("name").asString()).isEqualTo("Foo");
    assertThat(response.text()).startsWith("{\"item\":{").endsWith(",\"importance\":5}");
    TestResponse missing = send("POST", "/offers", "{\"item\":{\"name\":\"Foo\",\"price\":1}}");
    assertThat(missing.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"importance\"],\"msg\":\"Field required\",\"input\":null}]}"));
  }

  @Test
  void reads_and_writes_camel_case_names_and_aliases_and_forbids_extra_members() {
    assertThat(
            send("POST", "/orders", "{\"orderId\":1,\"customerName\":\"Ann\",\"qty\":12}").text())
        .isEqualTo("{\"orderId\":1,\"customerName\":\"Ann\",\"qty\":12}");
    assertThat(
            send(
                    "POST",
                    "/orders",
                    "{\"orderId\":1,\"customerName\":\"Ann\",\"qty\":7,\"extra\":1}")
                .json())
        .isEqualTo(
            json(
                """
                {"detail":[
                 {"type":"value_error","loc":["body","qty"],"msg":"Value error, order whole boxes of 6","input":7,"ctx":{"error":{}}},
                 {"type":"extra_forbidden","loc":["body","extra"],"msg":"Extra inputs are not permitted","input":1}]}"""));
  }

  @Test
  void a_model_validator_checks_the_whole_model() {
    assertThat(send("POST", "/ranges", "{\"low\":1,\"high\":5}").json())
        .isEqualTo(json("{\"low\":1.0,\"high\":5.0}"));
    assertThat(send("POST", "/ranges", "{\"low\":5,\"high\":1}").json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"value_error","loc":["body"],"msg":"Value error, low must not exceed high",
                  "input":{"low":5,"high":1},"ctx":{"error":{}}}]}"""));
  }

  @Test
  void a_discriminated_union_picks_the_record_by_its_tag() {
    assertThat(send("POST", "/pets", "{\"pet_type\":\"cat\",\"meows\":true}").text())
        .isEqualTo("{\"pet_type\":\"cat\",\"meows\":true}");
    assertThat(send("POST", "/pets", "{\"pet_type\":\"dog\",\"barks\":\"loud\"}").json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"float_parsing","loc":["body","dog","barks"],
                  "msg":"Input should be a valid number, unable to parse string as a number","input":"loud"}]}"""));
    assertThat(send("POST", "/pets", "{\"pet_type\":\"fish\"}").json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"union_tag_invalid","loc":["body"],
                  "msg":"Input tag 'fish' found using 'pet_type' does not match any of the expected tags: 'cat', 'dog'",
                  "input":{"pet_type":"fish"},
                  "ctx":{"discriminator":"'pet_type'","tag":"fish","expected_tags":"'cat', 'dog'"}}]}"""));
    assertThat(
            send("POST", "/pets", "{\"meows\":true}")
                .json()
                .get("detail")
                .get(0)
                .get("type")
                .asString())
        .isEqualTo("union_tag_not_found");
  }
}
