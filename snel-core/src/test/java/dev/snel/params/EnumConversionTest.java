package dev.snel.params;

import static dev.snel.params.Expected.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enums are read by value, like Python enums: the constant's name, or what its Jackson
 * {@code @JsonValue} returns; anything else is pydantic's {@code enum} error listing the values.
 */
class EnumConversionTest {

  /** FastAPI's tutorial enum. */
  public enum ModelName {
    alexnet,
    resnet,
    lenet
  }

  public enum Size {
    SMALL("s"),
    MEDIUM("m"),
    LARGE("l");

    private final String code;

    Size(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  public enum Answer {
    yes,
    no
  }

  public enum Only {
    one
  }

  public static class Routes {
    @Get("/models/{model_name}")
    public Map<String, Object> getModel(ModelName model_name) {
      return Map.of("model_name", model_name, "constant", model_name.name());
    }

    @Get("/sizes")
    public Map<String, Object> size(Size size) {
      return Map.of("size", size, "constant", size.name());
    }

    @Get("/answers")
    public Answer answer(Answer answer, List<Only> only) {
      return answer;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void reads_an_enum_by_its_value() {
    TestResponse response = client.get("/models/alexnet");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"model_name\": \"alexnet\", \"constant\": \"alexnet\"}"));
  }

  @Test
  void rejects_an_unknown_value_with_the_list_of_values() {
    TestResponse response = client.get("/models/foo");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            TestClient.json(
                """
                {"detail": [{"type": "enum", "loc": ["path", "model_name"],
                  "msg": "Input should be 'alexnet', 'resnet' or 'lenet'", "input": "foo",
                  "ctx": {"expected": "'alexnet', 'resnet' or 'lenet'"}}]}
                """));
  }

  @Test
  void matches_enum_values_case_sensitively() {
    TestResponse response = client.get("/models/AlexNet");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo("enum");
  }

  @Test
  void reads_an_enum_with_a_json_value_by_that_value() {
    TestResponse response = client.get("/sizes?size=m");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(TestClient.json("{\"size\": \"m\", \"constant\": \"MEDIUM\"}"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"MEDIUM", "x", ""})
  void rejects_the_constant_name_of_an_enum_with_a_json_value(String input) {
    TestResponse response = client.get("/sizes?size=" + q(input));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "enum",
                    List.of("query", "size"),
                    "Input should be 's', 'm' or 'l'",
                    input,
                    Map.of("expected", "'s', 'm' or 'l'"))));
  }

  @Test
  void words_the_expected_values_like_pydantic_for_one_and_two_values() {
    TestResponse response = client.get("/answers?answer=maybe&only=one&only=two");

    assertThat(response.json())
        .isEqualTo(
            Expected.detail(
                Expected.error(
                    "enum",
                    List.of("query", "answer"),
                    "Input should be 'yes' or 'no'",
                    "maybe",
                    Map.of("expected", "'yes' or 'no'")),
                Expected.error(
                    "enum",
                    List.of("query", "only", 1),
                    "Input should be 'one'",
                    "two",
                    Map.of("expected", "'one'"))));
  }
}
