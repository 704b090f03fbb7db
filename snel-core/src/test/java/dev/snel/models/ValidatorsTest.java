package dev.snel.models;

import static dev.snel.models.Expected.json;
import static dev.snel.models.Expected.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.FieldValidator;
import dev.snel.ModelValidator;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code @FieldValidator} and {@code @ModelValidator} are pydantic's after-validators: they run
 * once the fields are valid, may change a value, and an {@link IllegalArgumentException} becomes
 * pydantic's {@code value_error} "Value error, ..." with FastAPI's {@code ctx: {"error": {}}}.
 */
class ValidatorsTest {

  public record Signup(
      @Size(min = 3) String username,
      int age,
      String password,
      String password_repeat,
      Optional<String> referrer) {

    @FieldValidator("username")
    static String lowercase(String username) {
      if (username.contains(" ")) {
        throw new IllegalArgumentException("must not contain a space");
      }
      return username.toLowerCase(Locale.ROOT);
    }

    @FieldValidator("age")
    static int adult(int age) {
      if (age < 18) {
        throw new IllegalArgumentException("must be 18 or older");
      }
      return age;
    }

    @FieldValidator("referrer")
    static String knownReferrer(String referrer) {
      if (!referrer.startsWith("ref-")) {
        throw new IllegalArgumentException("unknown referrer");
      }
      return referrer.substring(4);
    }

    @ModelValidator
    void passwordsMatch() {
      if (!password.equals(password_repeat)) {
        throw new IllegalArgumentException("passwords do not match");
      }
    }
  }

  public record Team(String name, List<Signup> members) {}

  public record Fragile(String value) {
    @FieldValidator("value")
    static String explode(String value) {
      throw new IllegalStateException("a bug in the validator");
    }
  }

  public static class Routes {
    @Post("/signups")
    public Signup signup(Signup signup) {
      return signup;
    }

    @Post("/teams")
    public Team team(Team team) {
      return team;
    }

    @Post("/fragile")
    public Fragile fragile(Fragile fragile) {
      return fragile;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  private static final String VALID =
      "{\"username\": \"Alice\", \"age\": 30, \"password\": \"s3cret\", \"password_repeat\": \"s3cret\"}";

  @Test
  void a_field_validator_may_change_the_value() {
    TestResponse response =
        postJson(client, "/signups", VALID.replace("}", ", \"referrer\": \"ref-bob\"}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"username": "alice", "age": 30, "password": "s3cret", "password_repeat": "s3cret", "referrer": "bob"}"""));
  }

  @Test
  void a_field_validator_is_not_run_for_an_absent_or_null_optional() {
    TestResponse absent = postJson(client, "/signups", VALID);
    TestResponse withNull =
        postJson(client, "/signups", VALID.replace("}", ", \"referrer\": null}"));

    assertThat(absent.json().get("referrer").isNull()).isTrue();
    assertThat(withNull.json().get("referrer").isNull()).isTrue();
  }

  @Test
  void an_illegal_argument_in_a_field_validator_is_a_value_error_at_the_field() {
    TestResponse response =
        postJson(
            client, "/signups", VALID.replace("\"Alice\"", "\"Al ice\"").replace("30", "\"12\""));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[
                  {"type":"value_error","loc":["body","username"],"msg":"Value error, must not contain a space",
                   "input":"Al ice","ctx":{"error":{}}},
                  {"type":"value_error","loc":["body","age"],"msg":"Value error, must be 18 or older",
                   "input":"12","ctx":{"error":{}}}]}"""));
  }

  @Test
  void a_field_validator_runs_only_after_the_constraints_pass() {
    TestResponse response = postJson(client, "/signups", VALID.replace("\"Alice\"", "\"a \""));

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"string_too_short","loc":["body","username"],
                  "msg":"String should have at least 3 characters","input":"a ","ctx":{"min_length":3}}]}"""));
  }

  @Test
  void an_illegal_argument_in_a_model_validator_is_a_value_error_at_the_model_with_its_input() {
    String body =
        "{\"username\": \"alice\", \"age\": 30, \"password\": \"one\", \"password_repeat\": \"two\"}";
    TestResponse response = postJson(client, "/signups", body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json())
        .isEqualTo(
            json(
                "{\"detail\":[{\"type\":\"value_error\",\"loc\":[\"body\"],\"msg\":\"Value error, passwords do not match\","
                    + "\"input\":"
                    + body
                    + ",\"ctx\":{\"error\":{}}}]}"));
  }

  @Test
  void a_model_validator_is_not_run_when_a_field_is_invalid() {
    TestResponse response =
        postJson(
            client,
            "/signups",
            "{\"username\": \"alice\", \"age\": \"old\", \"password\": \"one\", \"password_repeat\": \"two\"}");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"int_parsing","loc":["body","age"],
                  "msg":"Input should be a valid integer, unable to parse string as an integer","input":"old"}]}"""));
  }

  @Test
  void a_nested_model_validator_fails_at_the_nested_location() {
    TestResponse response =
        postJson(
            client,
            "/teams",
            """
            {"name": "core", "members": [
              {"username": "alice", "age": 30, "password": "a", "password_repeat": "a"},
              {"username": "bob", "age": 40, "password": "b", "password_repeat": "c"}]}""");

    assertThat(response.json())
        .isEqualTo(
            json(
                """
                {"detail":[{"type":"value_error","loc":["body","members",1],"msg":"Value error, passwords do not match",
                  "input":{"username":"bob","age":40,"password":"b","password_repeat":"c"},"ctx":{"error":{}}}]}"""));
  }

  @Test
  void any_other_exception_in_a_validator_is_a_server_error() {
    TestResponse response = postJson(client, "/fragile", "{\"value\": \"x\"}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
  }
}
