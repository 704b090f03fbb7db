package dev.snel.examples.sqlusers;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's /openapi.json is the one FastAPI 0.141 (pydantic 2) serves for the seed's code: {@code
 * UserCreate(UserBase)} with {@code email: str} inherited and {@code password: str}, {@code
 * UserResponse} with {@code id: int}, {@code email: str} and {@code is_active: bool}, {@code
 * response_model=UserResponse} on both routes, and the session dependency invisible in the
 * document.
 */
class SqlUsersOpenApiTest {

  static final String FASTAPI =
      """
      {"openapi":"3.1.0","info":{"title":"FastAPI","version":"0.1.0"},
       "paths":{
         "/users/":{"post":{
           "summary":"Create User","operationId":"create_user_users__post",
           "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/UserCreate"}}},"required":true},
           "responses":{
             "200":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UserResponse"}}}},
             "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}}},
         "/users/{user_id}":{"get":{
           "summary":"Read User","operationId":"read_user_users__user_id__get",
           "parameters":[{"name":"user_id","in":"path","required":true,"schema":{"type":"integer","title":"User Id"}}],
           "responses":{
             "200":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/UserResponse"}}}},
             "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}}}},
       "components":{"schemas":{
         "HTTPValidationError":{"properties":{"detail":{"items":{"$ref":"#/components/schemas/ValidationError"},"type":"array","title":"Detail"}},
           "type":"object","title":"HTTPValidationError"},
         "UserCreate":{"properties":{
             "email":{"type":"string","title":"Email"},
             "password":{"type":"string","title":"Password"}},
           "type":"object","required":["email","password"],"title":"UserCreate"},
         "UserResponse":{"properties":{
             "id":{"type":"integer","title":"Id"},
             "email":{"type":"string","title":"Email"},
             "is_active":{"type":"boolean","title":"Is Active"}},
           "type":"object","required":["id","email","is_active"],"title":"UserResponse"},
         "ValidationError":{"properties":{
             "loc":{"items":{"anyOf":[{"type":"string"},{"type":"integer"}]},"type":"array","title":"Location"},
             "msg":{"type":"string","title":"Message"},
             "type":{"type":"string","title":"Error Type"},
             "input":{"title":"Input"},
             "ctx":{"type":"object","title":"Context"}},
           "type":"object","required":["loc","msg","type"],"title":"ValidationError"}}}}""";

  @Test
  void serves_fastapis_document_for_the_seeds_code() {
    ObjectNode expected = (ObjectNode) json(FASTAPI);
    expected.withObject("info").put("title", "Snel"); // the one difference: Snel's default title
    // the document is built from the routes alone: no database is opened for it
    assertThat(TestClient.of(Main.app("sqlite:./never-opened.db")).get("/openapi.json").json())
        .isEqualTo(expected);
  }
}
