package dev.snel.examples.usersmodels;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The users app's /openapi.json is the one FastAPI 0.141 (pydantic 2) serves for the seed's models:
 * {@code UserCreate(username: str = Field(min_length=3, max_length=50), email: EmailStr, password:
 * str = Field(min_length=8))} as the body, {@code UserResponse(id: int, username: str, email: str,
 * created_at: datetime)} as {@code response_model} of {@code POST /users/}. Each model is used in
 * one direction only, so both keep their names (no -Input/-Output).
 */
class UsersModelsOpenApiTest {

  static final String FASTAPI =
      """
      {"openapi":"3.1.0","info":{"title":"FastAPI","version":"0.1.0"},
       "paths":{"/users/":{"post":{
         "summary":"Create User","operationId":"create_user_users__post",
         "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/UserCreate"}}},"required":true},
         "responses":{
           "200":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UserResponse"}}}},
           "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}}}},
       "components":{"schemas":{
         "HTTPValidationError":{"properties":{"detail":{"items":{"$ref":"#/components/schemas/ValidationError"},"type":"array","title":"Detail"}},
           "type":"object","title":"HTTPValidationError"},
         "UserCreate":{"properties":{
             "username":{"type":"string","maxLength":50,"minLength":3,"title":"Username"},
             "email":{"type":"string","format":"email","title":"Email"},
             "password":{"type":"string","minLength":8,"title":"Password"}},
           "type":"object","required":["username","email","password"],"title":"UserCreate"},
         "UserResponse":{"properties":{
             "id":{"type":"integer","title":"Id"},
             "username":{"type":"string","title":"Username"},
             "email":{"type":"string","title":"Email"},
             "created_at":{"type":"string","format":"date-time","title":"Created At"}},
           "type":"object","required":["id","username","email","created_at"],"title":"UserResponse"},
         "ValidationError":{"properties":{
             "loc":{"items":{"anyOf":[{"type":"string"},{"type":"integer"}]},"type":"array","title":"Location"},
             "msg":{"type":"string","title":"Message"},
             "type":{"type":"string","title":"Error Type"},
             "input":{"title":"Input"},
             "ctx":{"type":"object","title":"Context"}},
           "type":"object","required":["loc","msg","type"],"title":"ValidationError"}}}}""";

  @Test
  void serves_fastapis_document_for_the_seeds_models() {
    ObjectNode expected = (ObjectNode) json(FASTAPI);
    expected.withObject("info").put("title", "Snel"); // the one difference: Snel's default title
    assertThat(TestClient.of(Main.app()).get("/openapi.json").json()).isEqualTo(expected);
  }

  @Test
  void the_password_is_in_the_request_model_only() {
    var document = json(Main.app().openApiJson());
    var schemas = document.get("components").get("schemas");
    assertThat(schemas.get("UserCreate").get("properties").has("password")).isTrue();
    assertThat(schemas.get("UserResponse").get("properties").has("password")).isFalse();
  }
}
