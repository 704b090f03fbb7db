package dev.snel.examples.interactivedocs;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What docs/tutorial/interactive-docs.md shows, in-process. */
class InteractiveDocsTest {
  private final TestClient client = TestClient.of(Main.app());

  @Test
  void the_document_carries_the_apps_metadata() {
    JsonNode info = client.get("/openapi.json").json().get("info");
    assertThat(info.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "title", "summary", "description", "termsOfService", "contact", "license", "version");
    assertThat(info.get("title").asString()).isEqualTo("ChimichangApp");
    assertThat(info.get("summary").asString()).isEqualTo("Deadpool's favorite app. Nuff said.");
    assertThat(info.get("description").asString())
        .isEqualTo(Main.DESCRIPTION)
        .startsWith("ChimichangApp API helps");
    assertThat(info.get("version").asString()).isEqualTo("0.0.1");
    assertThat(info.get("termsOfService").asString()).isEqualTo("http://example.com/terms/");
    assertThat(info.get("contact"))
        .isEqualTo(
            json(
                """
                {"name": "Deadpoolio the Amazing", "url": "http://x-force.example.com/contact/",
                 "email": "dp@x-force.example.com"}
                """));
    assertThat(info.get("license"))
        .isEqualTo(json("{\"name\": \"Apache 2.0\", \"identifier\": \"Apache-2.0\"}"));
  }

  @Test
  void tags_are_described_in_the_order_given_and_operations_carry_their_routers_tags() {
    JsonNode document = client.get("/openapi.json").json();
    assertThat(document.get("tags"))
        .isEqualTo(
            json(
                """
                [{"name": "users", "description": "Operations with users. The **login** logic is also here."},
                 {"name": "items", "description": "Manage items. So _fancy_ they have their own docs."}]
                """));
    assertThat(document.at("/paths/~1items~1/get/tags")).isEqualTo(json("[\"items\"]"));
    assertThat(document.at("/paths/~1items~1/post/tags")).isEqualTo(json("[\"items\"]"));
    assertThat(document.at("/paths/~1users~1/get/tags")).isEqualTo(json("[\"users\"]"));
    assertThat(document.at("/paths/~1items~1/get/summary").asString()).isEqualTo("List the items");
    assertThat(document.at("/paths/~1items~1/post/responses/201/description").asString())
        .isEqualTo("The item, with its new id");
  }

  @Test
  void swagger_ui_gets_the_apps_parameters() {
    String page = client.get("/docs").text();
    assertThat(page)
        .contains("<title>ChimichangApp - Swagger UI</title>")
        .contains("\"persistAuthorization\":true,\"syntaxHighlight\":{\"theme\":\"obsidian\"}");
    assertThat(client.get("/redoc").text()).contains("<title>ChimichangApp - ReDoc</title>");
  }

  @Test
  void the_routes_work() {
    TestResponse created = client.post("/items/", Map.of("name", "Chimichanga", "price", 9.5));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(client.get("/items/" + id).json().get("name").asString()).isEqualTo("Chimichanga");
    assertThat(client.get("/items/").json().size()).isEqualTo(1);
    assertThat(client.get("/items/999").status()).isEqualTo(404);
    assertThat(client.get("/users/").json())
        .isEqualTo(json("[{\"username\":\"Rick\"},{\"username\":\"Morty\"}]"));
  }

  @Test
  void the_moved_app_serves_its_document_and_swagger_ui_elsewhere_and_no_redoc() {
    TestClient moved = TestClient.of(Main.movedApp());
    assertThat(moved.get("/openapi.json").status()).isEqualTo(404);
    assertThat(moved.get("/docs").status()).isEqualTo(404);
    assertThat(moved.get("/redoc").status()).isEqualTo(404);
    assertThat(moved.get("/documentation").text()).contains("\"url\":\"/api/v1/openapi.json\"");

    JsonNode document = moved.get("/api/v1/openapi.json").json();
    assertThat(document.get("servers"))
        .isEqualTo(
            json(
                """
                [{"url": "https://stag.example.com", "description": "Staging environment"},
                 {"url": "https://prod.example.com", "description": "Production environment"}]
                """));
    assertThat(document.get("externalDocs"))
        .isEqualTo(
            json(
                "{\"description\": \"The shop's handbook\", \"url\": \"https://example.com/handbook\"}"));
  }

  @Test
  void the_3_0_app_serves_openapi_3_0_3() {
    JsonNode document = TestClient.of(Main.openApi30App()).get("/openapi.json").json();
    assertThat(document.get("openapi").asString()).isEqualTo("3.0.3");
    assertThat(document.at("/info/title").asString()).isEqualTo("ChimichangApp");
  }
}
