package dev.snel.examples.minimal;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The minimal app's /openapi.json is the one FastAPI 0.141 serves for the same declarations. */
class MinimalOpenApiTest {

  /** FastAPI's document for the seed's minimal app, as it serves it. */
  static final String FASTAPI =
      """
      {"openapi":"3.1.0","info":{"title":"FastAPI","version":"0.1.0"},
       "paths":{"/items/{item_id}":{"get":{
         "summary":"Read Item","operationId":"read_item_items__item_id__get",
         "parameters":[
           {"name":"item_id","in":"path","required":true,"schema":{"type":"integer","title":"Item Id"}},
           {"name":"q","in":"query","required":false,"schema":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Q"}}],
         "responses":{
           "200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}},
           "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}}}}},
       "components":{"schemas":{
         "HTTPValidationError":{"properties":{"detail":{"items":{"$ref":"#/components/schemas/ValidationError"},"type":"array","title":"Detail"}},
           "type":"object","title":"HTTPValidationError"},
         "ValidationError":{"properties":{
             "loc":{"items":{"anyOf":[{"type":"string"},{"type":"integer"}]},"type":"array","title":"Location"},
             "msg":{"type":"string","title":"Message"},
             "type":{"type":"string","title":"Error Type"},
             "input":{"title":"Input"},
             "ctx":{"type":"object","title":"Context"}},
           "type":"object","required":["loc","msg","type"],"title":"ValidationError"}}}}""";

  @Test
  void serves_fastapis_document_with_snels_default_title() {
    TestResponse response = TestClient.of(Main.app()).get("/openapi.json");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    ObjectNode expected = (ObjectNode) json(FASTAPI);
    expected.withObject("info").put("title", "Snel"); // the one difference: Snel's default title
    assertThat(response.json()).isEqualTo(expected);
  }

  @Test
  void the_exported_text_is_the_served_document() {
    var app = Main.app();
    assertThat(json(app.openApiJson())).isEqualTo(TestClient.of(app).get("/openapi.json").json());
  }
}
