package dev.snel.openapi;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Body;
import dev.snel.Cookie;
import dev.snel.Default;
import dev.snel.Delete;
import dev.snel.Examples;
import dev.snel.Get;
import dev.snel.Header;
import dev.snel.Operation;
import dev.snel.Path;
import dev.snel.Post;
import dev.snel.Put;
import dev.snel.Query;
import dev.snel.Router;
import dev.snel.Snel;
import dev.snel.Status;
import dev.snel.Tags;
import dev.snel.testing.TestClient;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A broad app's document, part by part, against what FastAPI 0.141 writes for the same declarations
 * (the FastAPI form of each route is in its comment).
 */
class OpenApiDocumentTest {
  public record Item(String name, double price) {}

  public record User(String username) {}

  public record Subscription(String username, double monthly_fee, OffsetDateTime start_date) {}

  public enum Color {
    red,
    green
  }

  @Tags("items")
  public static class Items {
    // @app.get("/items/", tags=["items"], summary="List the items", description="All of them,
    // **paged**.")
    // def read_items(skip: int = 0, limit: Annotated[int, Query(le=100)] = 10,
    //   label: Annotated[list[str], Query()] = ["new", "sale"], id: Annotated[set[int] | None,
    // Query()] = None) -> list[Item]
    @Get("/items/")
    @Operation(summary = "List the items", description = "All of them, **paged**.")
    public List<Item> readItems(
        @Default("0") int skip,
        @Default("10") @Max(100) int limit,
        @Default({"new", "sale"}) List<String> label,
        Optional<java.util.Set<Integer>> id) {
      return List.of();
    }

    // def read_item(item_id: Annotated[int, Path(description="The item's id", ge=1)],
    //   q: Annotated[str | None, Query(alias="item-query", min_length=3, max_length=50,
    // deprecated=True)] = None,
    //   user_agent: Annotated[str | None, Header()] = None, ads_id: Annotated[str | None, Cookie()]
    // = None,
    //   tag: Annotated[list[str], Query()], color: Annotated[Color | None, Query(examples=["red"])]
    // = None) -> Item
    @Get("/items/{item_id}")
    public Item readItem(
        @Header Optional<String> user_agent,
        @Cookie Optional<String> ads_id,
        @Path(description = "The item's id") @Min(1) long item_id,
        @Query("item-query") @Size(min = 3, max = 50) @Deprecated Optional<String> q,
        List<String> tag,
        @Examples("\"red\"") Optional<Color> color) {
      return new Item("x", 1);
    }

    // def update_item(item_id: int, item: Item, user: User, importance: Annotated[int, Body()]) ->
    // dict[str, Any]
    @Put("/items/{item_id}")
    public Map<String, Object> updateItem(
        long item_id, Item item, User user, @Body int importance) {
      return Map.of();
    }

    // def embed_item(item_id: int, item: Annotated[Item, Body(embed=True)])
    @Post("/items/{item_id}/embed")
    public Map<String, Object> embedItem(long item_id, @Body(embed = true) Item item) {
      return Map.of();
    }

    // @app.post("/items/", status_code=201) def create_item(item: Item) -> Item
    @Post("/items/")
    @Status(201)
    public Item createItem(Item item) {
      return item;
    }

    // @app.delete("/items/{item_id}", status_code=204)
    @Delete("/items/{item_id}")
    @Status(204)
    public void deleteItem(long item_id) {}

    // @app.get("/legacy", deprecated=True)
    @Get("/legacy")
    @Deprecated
    public Map<String, Object> legacy() {
      return Map.of();
    }

    // @app.get("/internal", include_in_schema=False)
    @Get("/internal")
    @Operation(hidden = true)
    public Map<String, Object> internal() {
      return Map.of();
    }

    // @app.get("/count", operation_id="getCount", response_description="How many there are") -> int
    @Get("/count")
    @Operation(operationId = "getCount", responseDescription = "How many there are")
    public int count() {
      return 2;
    }
  }

  public static class Users {
    // router = APIRouter(prefix="/users", tags=["users"]); @router.get("/") def list_users() ->
    // list[User]
    @Get("/")
    public List<User> listUsers() {
      return List.of();
    }

    // @router.get("/me", tags=["me"]) def read_me() -> User
    @Get("/me")
    @Tags("me")
    public User readMe() {
      return new User("me");
    }
  }

  static Snel app() {
    Snel app =
        Snel.create()
            .include(new Items())
            .include(Router.withPrefix("/users").tags("users").include(new Users()));
    app.openApi()
        .title("Items API")
        .version("2.1.0")
        .summary("Items and their users.")
        .description("Manage **items**.")
        .termsOfService("https://example.com/terms/")
        .contact("Ada", "https://example.com/contact/", "ada@example.com")
        .license("MIT", "MIT")
        .server("https://api.example.com", "Production")
        .server("http://localhost:8000", null)
        .tag("users", "Operations with users.")
        .tag("items", "Manage items.")
        .webhook("new-subscription", "POST", Subscription.class, "Sent when a user subscribes.")
        .customize(document -> document.withObject("info").put("x-logo", "/logo.png"));
    return app;
  }

  private static JsonNode DOCUMENT;

  @BeforeAll
  static void
      serveTheDocument() { // not in a static initializer: the customizer runs on a handler thread
    DOCUMENT = TestClient.of(app()).get("/openapi.json").json();
  }

  private static JsonNode operation(String path, String method) {
    return DOCUMENT.get("paths").get(path).get(method);
  }

  private static final String VALIDATION_ERROR =
      """
      "422":{"description":"Validation Error","content":{"application/json":{"schema":{"$ref":"#/components/schemas/HTTPValidationError"}}}}""";

  @Test
  void the_info_object_carries_every_setting_and_the_customization() {
    assertThat(DOCUMENT.get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(DOCUMENT.get("info"))
        .isEqualTo(
            json(
                """
                {"title":"Items API","summary":"Items and their users.","description":"Manage **items**.",
                 "termsOfService":"https://example.com/terms/",
                 "contact":{"name":"Ada","url":"https://example.com/contact/","email":"ada@example.com"},
                 "license":{"name":"MIT","identifier":"MIT"},"version":"2.1.0","x-logo":"/logo.png"}"""));
  }

  @Test
  void servers_and_tags_are_listed_in_the_order_given() {
    assertThat(DOCUMENT.get("servers"))
        .isEqualTo(
            json(
                "[{\"url\":\"https://api.example.com\",\"description\":\"Production\"},{\"url\":\"http://localhost:8000\"}]"));
    assertThat(DOCUMENT.get("tags"))
        .isEqualTo(
            json(
                """
                [{"name":"users","description":"Operations with users."},{"name":"items","description":"Manage items."}]"""));
  }

  @Test
  void the_document_lists_the_members_in_fastapis_order() {
    assertThat(DOCUMENT.propertyNames())
        .containsExactly("openapi", "info", "servers", "paths", "webhooks", "components", "tags");
  }

  @Test
  void an_operation_has_its_summary_description_defaults_and_a_titled_list_response() {
    assertThat(operation("/items/", "get"))
        .isEqualTo(
            json(
                """
                {"tags":["items"],"summary":"List the items","description":"All of them, **paged**.",
                 "operationId":"read_items_items__get",
                 "parameters":[
                   {"name":"skip","in":"query","required":false,"schema":{"type":"integer","default":0,"title":"Skip"}},
                   {"name":"limit","in":"query","required":false,"schema":{"type":"integer","maximum":100,"default":10,"title":"Limit"}},
                   {"name":"label","in":"query","required":false,
                    "schema":{"type":"array","items":{"type":"string"},"default":["new","sale"],"title":"Label"}},
                   {"name":"id","in":"query","required":false,
                    "schema":{"anyOf":[{"type":"array","uniqueItems":true,"items":{"type":"integer"}},{"type":"null"}],"title":"Id"}}],
                 "responses":{
                   "200":{"description":"Successful Response","content":{"application/json":{"schema":
                     {"type":"array","items":{"$ref":"#/components/schemas/Item"},"title":"Response Read Items Items  Get"}}}},
                   %s}}"""
                    .formatted(VALIDATION_ERROR)));
  }

  @Test
  void
      parameters_come_path_query_header_cookie_with_descriptions_constraints_aliases_and_examples() {
    assertThat(operation("/items/{item_id}", "get").get("parameters"))
        .isEqualTo(
            json(
                """
                [{"name":"item_id","in":"path","required":true,"description":"The item's id",
                  "schema":{"type":"integer","minimum":1,"title":"Item Id","description":"The item's id"}},
                 {"name":"item-query","in":"query","required":false,"deprecated":true,
                  "schema":{"anyOf":[{"type":"string","minLength":3,"maxLength":50},{"type":"null"}],"title":"Item-Query","deprecated":true}},
                 {"name":"tag","in":"query","required":true,"schema":{"type":"array","items":{"type":"string"},"title":"Tag"}},
                 {"name":"color","in":"query","required":false,
                  "schema":{"anyOf":[{"$ref":"#/components/schemas/Color"},{"type":"null"}],"title":"Color","examples":["red"]}},
                 {"name":"user-agent","in":"header","required":false,"schema":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"User-Agent"}},
                 {"name":"ads_id","in":"cookie","required":false,"schema":{"anyOf":[{"type":"string"},{"type":"null"}],"title":"Ads Id"}}]"""));
    assertThat(DOCUMENT.get("components").get("schemas").get("Color"))
        .isEqualTo(json("{\"type\":\"string\",\"enum\":[\"red\",\"green\"],\"title\":\"Color\"}"));
  }

  @Test
  void several_body_parameters_make_a_body_component_named_after_the_operation() {
    assertThat(operation("/items/{item_id}", "put").get("requestBody"))
        .isEqualTo(
            json(
                """
                {"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Body_update_item_items__item_id__put"}}},
                 "required":true}"""));
    assertThat(
            DOCUMENT.get("components").get("schemas").get("Body_update_item_items__item_id__put"))
        .isEqualTo(
            json(
                """
                {"properties":{"item":{"$ref":"#/components/schemas/Item"},"user":{"$ref":"#/components/schemas/User"},
                   "importance":{"type":"integer","title":"Importance"}},
                 "type":"object","required":["item","user","importance"],"title":"Body_update_item_items__item_id__put"}"""));
  }

  @Test
  void an_embedded_single_body_gets_a_body_component_too() {
    assertThat(
            DOCUMENT
                .get("components")
                .get("schemas")
                .get("Body_embed_item_items__item_id__embed_post"))
        .isEqualTo(
            json(
                """
                {"properties":{"item":{"$ref":"#/components/schemas/Item"}},
                 "type":"object","required":["item"],"title":"Body_embed_item_items__item_id__embed_post"}"""));
  }

  @Test
  void a_created_response_has_the_routes_status_and_the_models_schema() {
    assertThat(operation("/items/", "post"))
        .isEqualTo(
            json(
                """
                {"tags":["items"],"summary":"Create Item","operationId":"create_item_items__post",
                 "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}},"required":true},
                 "responses":{
                   "201":{"description":"Successful Response","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},
                   %s}}"""
                    .formatted(VALIDATION_ERROR)));
  }

  @Test
  void a_204_response_has_no_content() {
    assertThat(operation("/items/{item_id}", "delete").get("responses"))
        .isEqualTo(
            json(
                "{\"204\":{\"description\":\"Successful Response\"},%s}"
                    .formatted(VALIDATION_ERROR)));
  }

  @Test
  void a_deprecated_method_is_a_deprecated_operation_without_a_validation_error() {
    assertThat(operation("/legacy", "get"))
        .isEqualTo(
            json(
                """
                {"tags":["items"],"summary":"Legacy","operationId":"legacy_legacy_get","deprecated":true,
                 "responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}}}}"""));
  }

  @Test
  void a_hidden_route_is_left_out_but_still_served() {
    assertThat(DOCUMENT.get("paths").has("/internal")).isFalse();
    assertThat(TestClient.of(app()).get("/internal").status()).isEqualTo(200);
  }

  @Test
  void an_explicit_operation_id_names_the_response_schema_and_the_description_is_kept() {
    assertThat(operation("/count", "get"))
        .isEqualTo(
            json(
                """
                {"tags":["items"],"summary":"Count","operationId":"getCount",
                 "responses":{"200":{"description":"How many there are",
                   "content":{"application/json":{"schema":{"type":"integer","title":"Response Getcount"}}}}}}"""));
  }

  @Test
  void router_tags_come_before_the_routes_own() {
    assertThat(operation("/users/", "get").get("tags")).isEqualTo(json("[\"users\"]"));
    assertThat(operation("/users/", "get").get("operationId").asString())
        .isEqualTo("list_users_users__get");
    assertThat(operation("/users/me", "get").get("tags")).isEqualTo(json("[\"users\",\"me\"]"));
  }

  @Test
  void webhooks_are_documented_like_fastapis_app_webhooks() {
    assertThat(DOCUMENT.get("webhooks"))
        .isEqualTo(
            json(
                """
                {"new-subscription":{"post":{
                  "summary":"New Subscription","description":"Sent when a user subscribes.",
                  "operationId":"new_subscriptionnew_subscription_post",
                  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Subscription"}}},"required":true},
                  "responses":{"200":{"description":"Successful Response","content":{"application/json":{"schema":{}}}},
                    %s}}}}"""
                    .formatted(VALIDATION_ERROR)));
    assertThat(DOCUMENT.get("components").get("schemas").get("Subscription"))
        .isEqualTo(
            json(
                """
                {"properties":{"username":{"type":"string","title":"Username"},"monthly_fee":{"type":"number","title":"Monthly Fee"},
                   "start_date":{"type":"string","format":"date-time","title":"Start Date"}},
                 "type":"object","required":["username","monthly_fee","start_date"],"title":"Subscription"}"""));
  }

  @Test
  void components_are_sorted_by_name() {
    assertThat(DOCUMENT.get("components").get("schemas").propertyNames())
        .containsExactly(
            "Body_embed_item_items__item_id__embed_post",
            "Body_update_item_items__item_id__put",
            "Color",
            "HTTPValidationError",
            "Item",
            "Subscription",
            "User",
            "ValidationError");
  }

  @dev.snel.Discriminator("pet_type")
  public sealed interface Pet permits Cat, Dog {}

  public record Cat(String name) implements Pet {}

  public record Dog(String name, boolean barks) implements Pet {}

  @Test
  void a_discriminated_union_body_maps_each_tag_to_its_component() {
    class Pets {
      @Post("/pets")
      public Map<String, Object> adopt(Pet pet) {
        return Map.of();
      }
    }
    JsonNode document = json(Snel.create().include(new Pets()).openApiJson());
    assertThat(
            document
                .get("paths")
                .get("/pets")
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema"))
        .isEqualTo(
            json(
                """
                {"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
                 "discriminator":{"propertyName":"pet_type","mapping":{"Cat":"#/components/schemas/Cat","Dog":"#/components/schemas/Dog"}},
                 "title":"Pet"}"""));
    assertThat(document.get("components").get("schemas").propertyNames()).contains("Cat", "Dog");
  }

  public record Note(String text, Optional<String> author, @Default("3") int stars) {}

  @Test
  void a_member_defaulting_to_null_has_no_default_as_fastapi_leaves_out_every_null() {
    class Notes {
      @Post("/notes")
      public Map<String, Object> add(Note note) {
        return Map.of();
      }
    }
    JsonNode properties =
        json(Snel.create().include(new Notes()).openApiJson())
            .get("components")
            .get("schemas")
            .get("Note")
            .get("properties");
    assertThat(properties.get("author"))
        .isEqualTo(
            json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"title\":\"Author\"}"));
    assertThat(properties.get("stars"))
        .isEqualTo(json("{\"type\":\"integer\",\"title\":\"Stars\",\"default\":3}"));
  }

  @Test
  void two_operations_with_one_operation_id_fail_with_a_message_naming_it() {
    class Twice {
      @Get("/a")
      @Operation(operationId = "same")
      public int a() {
        return 1;
      }

      @Get("/b")
      @Operation(operationId = "same")
      public int b() {
        return 2;
      }
    }
    Snel app = Snel.create().include(new Twice());
    org.assertj.core.api.Assertions.assertThatThrownBy(app::openApiJson)
        .hasMessageContaining("operationId same");
  }

  public static class Files {
    @Get("/files/{file_path:path}")
    public String readFile(String file_path) {
      return file_path;
    }
  }

  @Test
  void a_catch_all_path_parameter_is_written_without_its_convertor_like_fastapi() {
    JsonNode document =
        TestClient.of(Snel.create().include(new Files())).get("/openapi.json").json();
    assertThat(document.get("paths").propertyNames()).containsExactly("/files/{file_path}");
    assertThat(
            document
                .get("paths")
                .get("/files/{file_path}")
                .get("get")
                .get("operationId")
                .asString())
        .isEqualTo("read_file_files__file_path__get");
  }
}
