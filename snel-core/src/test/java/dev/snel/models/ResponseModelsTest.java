package dev.snel.models;

import static dev.snel.models.Expected.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Default;
import dev.snel.Get;
import dev.snel.Response;
import dev.snel.ResponseModel;
import dev.snel.ResponseValidationException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The response model decides what is sent, like FastAPI's {@code response_model}: members not in it
 * never leave the server, members are read from whatever object the handler returns (pydantic's
 * from_attributes), the {@code response_model_*} options filter them, and a result that does not
 * fit is a server error (FastAPI's ResponseValidationError).
 */
class ResponseModelsTest {

  public record UserResponse(long id, String username, String email) {}

  public record StoredUser(long id, String username, String email, String password) {}

  /** FastAPI's UserIn/UserOut: the returned object is a subclass with a password. */
  public static class UserOut {
    public String username;
    public String email;

    public UserOut() {}

    UserOut(String username, String email) {
      this.username = username;
      this.email = email;
    }
  }

  public static class UserIn extends UserOut {
    public String password;

    UserIn(String username, String email, String password) {
      super(username, email);
      this.password = password;
    }
  }

  /** An ORM-like object: private state, getters. */
  public static class Account {
    private final String name;
    private final boolean enabled;

    Account(String name, boolean enabled) {
      this.name = name;
      this.enabled = enabled;
    }

    public String getUsername() {
      return name;
    }

    public boolean isActive() {
      return enabled;
    }

    public String getPasswordHash() {
      return "$2b$12$secret";
    }
  }

  public record AccountResponse(String username, boolean active) {}

  /** The wire's snake_case names, read from the entity's camelCase getters. */
  public record AccountWire(String username, boolean is_active, String password_hash) {}

  /** Only snake_case names the entity lacks in any spelling: the model's field stays unmatched. */
  public record AccountWithout(String username, Optional<String> last_login) {}

  public record Item(
      String name,
      Optional<String> description,
      double price,
      @Default("10.5") double tax,
      @Default({}) List<String> tags) {}

  private static final Map<String, Item> ITEMS =
      Map.of(
          "foo", new Item("Foo", Optional.empty(), 50.2, 10.5, List.of()),
          "bar", new Item("Bar", Optional.of("The bartenders"), 62, 20.2, List.of()),
          "baz", new Item("Baz", Optional.empty(), 50.2, 10.5, List.of("x")));

  public record Partial(long id) {}

  public record Profile(String username, Optional<String> bio, @Default("member") String role) {}

  public static class Routes {
    @Get("/users/stored")
    @ResponseModel(UserResponse.class)
    public StoredUser stored() {
      return new StoredUser(1, "alice", "alice@example.com", "hunter2");
    }

    @Get("/users/subclass")
    public UserOut subclass() {
      return new UserIn("bob", "bob@example.com", "hunter2");
    }

    @Get("/users/list")
    public List<UserOut> list() {
      return List.of(
          new UserIn("a", "a@example.com", "pw-a"), new UserIn("b", "b@example.com", "pw-b"));
    }

    @Get("/accounts/1")
    @ResponseModel(AccountResponse.class)
    public Account account() {
      return new Account("carol", true);
    }

    @Get("/accounts/wire")
    @ResponseModel(AccountWire.class)
    public Account accountWire() {
      return new Account("erin", true);
    }

    @Get("/accounts/without")
    @ResponseModel(AccountWithout.class)
    public Account accountWithout() {
      return new Account("frank", false);
    }

    @Get("/users/map")
    @ResponseModel(UserResponse.class)
    public Map<String, Object> map() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", 3);
      row.put("username", "dave");
      row.put("email", "dave@example.com");
      row.put("password", "hunter2");
      return row;
    }

    @Get("/items/{item_id}/unset")
    @ResponseModel(value = Item.class, excludeUnset = true)
    public Item unset(String item_id) {
      return ITEMS.get(item_id);
    }

    @Get("/items/{item_id}/defaults")
    @ResponseModel(value = Item.class, excludeDefaults = true)
    public Item defaults(String item_id) {
      return ITEMS.get(item_id);
    }

    @Get("/items/{item_id}/none")
    @ResponseModel(value = Item.class, excludeNone = true)
    public Item none(String item_id) {
      return ITEMS.get(item_id);
    }

    @Get("/items/{item_id}/name")
    @ResponseModel(
        value = Item.class,
        include = {"name", "description"})
    public Item name(String item_id) {
      return ITEMS.get(item_id);
    }

    @Get("/items/{item_id}/public")
    @ResponseModel(
        value = Item.class,
        exclude = {"tax"})
    public Item publicData(String item_id) {
      return ITEMS.get(item_id);
    }

    @Get("/profiles/map")
    @ResponseModel(Profile.class)
    public Map<String, Object> profileFromMap() {
      return Map.of("username", "frank");
    }

    @Get("/profiles/account")
    @ResponseModel(Profile.class)
    public Account profileFromAccount() {
      return new Account("grace", true);
    }

    @Get("/users/nobody")
    public UserResponse nobody() {
      return null;
    }

    @Get("/users/maybe")
    public Optional<UserResponse> maybe() {
      return Optional.empty();
    }

    @Get("/broken/missing")
    @ResponseModel(UserResponse.class)
    public Partial missing() {
      return new Partial(9);
    }

    @Get("/broken/type")
    @ResponseModel(UserResponse.class)
    public Map<String, Object> wrongType() {
      Map<String, Object> row = new HashMap<>();
      row.put("id", List.of(1));
      row.put("username", "eve");
      return row;
    }

    @Get("/broken/list")
    public List<UserOut> brokenList() {
      UserOut nameless = new UserOut();
      nameless.username = "x";
      nameless.email = "x@example.com";
      @SuppressWarnings("unchecked")
      List<UserOut> items = (List<UserOut>) (List<?>) List.of(nameless, Map.of("username", "y"));
      return items;
    }
  }

  private static final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  /** The same app, with a handler that shows the response validation errors. */
  private static final TestClient showingErrors =
      TestClient.of(
          Snel.create()
              .include(new Routes())
              .exceptionHandler(
                  ResponseValidationException.class,
                  (request, e) ->
                      Response.json(
                              Map.of(
                                  "errors",
                                  e.errors().stream().map(ResponseModelsTest::describe).toList()))
                          .status(500)));

  private static Map<String, Object> describe(dev.snel.ValidationError error) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", error.type());
    item.put("loc", error.loc());
    item.put("msg", error.msg());
    return item;
  }

  @Test
  void members_not_in_the_response_model_are_never_sent() {
    TestResponse response = client.get("/users/stored");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .isEqualTo(json("{\"id\": 1, \"username\": \"alice\", \"email\": \"alice@example.com\"}"));
    assertThat(response.text()).doesNotContain("hunter2");
  }

  @Test
  void the_declared_return_type_filters_a_subclass_with_more_fields() {
    assertThat(client.get("/users/subclass").json())
        .isEqualTo(json("{\"username\": \"bob\", \"email\": \"bob@example.com\"}"));
    assertThat(client.get("/users/list").json())
        .isEqualTo(
            json(
                "[{\"username\": \"a\", \"email\": \"a@example.com\"}, {\"username\": \"b\", \"email\": \"b@example.com\"}]"));
    assertThat(client.get("/users/list").text()).doesNotContain("pw-");
  }

  @Test
  void members_are_read_from_getters_of_any_object() {
    TestResponse response = client.get("/accounts/1");

    assertThat(response.json()).isEqualTo(json("{\"username\": \"carol\", \"active\": true}"));
    assertThat(response.text()).doesNotContain("secret");
  }

  @Test
  void members_are_read_from_a_map() {
    TestResponse response = client.get("/users/map");

    assertThat(response.json())
        .isEqualTo(json("{\"id\": 3, \"username\": \"dave\", \"email\": \"dave@example.com\"}"));
  }

  @Test
  void a_member_the_object_lacks_takes_its_default_when_it_has_one() {
    assertThat(client.get("/profiles/map").json())
        .isEqualTo(json("{\"username\": \"frank\", \"bio\": null, \"role\": \"member\"}"));
    assertThat(client.get("/profiles/account").json())
        .isEqualTo(json("{\"username\": \"grace\", \"bio\": null, \"role\": \"member\"}"));
  }

  @Test
  void a_snake_case_member_reads_the_camel_case_getter_of_an_entity() {
    assertThat(client.get("/accounts/wire").json())
        .isEqualTo(
            json(
                "{\"username\": \"erin\", \"is_active\": true,"
                    + " \"password_hash\": \"$2b$12$secret\"}"));
    assertThat(client.get("/accounts/without").json())
        .isEqualTo(json("{\"username\": \"frank\", \"last_login\": null}"));
  }

  @Test
  void exclude_unset_leaves_out_what_the_object_did_not_set() {
    assertThat(client.get("/items/foo/unset").json())
        .isEqualTo(json("{\"name\": \"Foo\", \"price\": 50.2}"));
    assertThat(client.get("/items/bar/unset").json())
        .isEqualTo(
            json(
                "{\"name\": \"Bar\", \"description\": \"The bartenders\", \"price\": 62.0, \"tax\": 20.2}"));
  }

  @Test
  void exclude_defaults_leaves_out_members_equal_to_their_default() {
    assertThat(client.get("/items/baz/defaults").json())
        .isEqualTo(json("{\"name\": \"Baz\", \"price\": 50.2, \"tags\": [\"x\"]}"));
  }

  @Test
  void exclude_none_leaves_out_empty_members_only() {
    assertThat(client.get("/items/foo/none").json())
        .isEqualTo(json("{\"name\": \"Foo\", \"price\": 50.2, \"tax\": 10.5, \"tags\": []}"));
  }

  @Test
  void include_and_exclude_pick_top_level_members_by_name() {
    assertThat(client.get("/items/bar/name").json())
        .isEqualTo(json("{\"name\": \"Bar\", \"description\": \"The bartenders\"}"));
    assertThat(client.get("/items/bar/public").json())
        .isEqualTo(
            json(
                "{\"name\": \"Bar\", \"description\": \"The bartenders\", \"price\": 62.0, \"tags\": []}"));
  }

  @Test
  void a_result_without_a_member_of_the_response_model_is_a_server_error() {
    TestResponse response = client.get("/broken/missing");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error");
    assertThat(showingErrors.get("/broken/missing").json())
        .isEqualTo(
            json(
                """
                {"errors":[
                  {"type":"missing","loc":["response","username"],"msg":"Field required"},
                  {"type":"missing","loc":["response","email"],"msg":"Field required"}]}"""));
  }

  @Test
  void a_member_of_the_wrong_type_or_missing_from_a_map_is_a_server_error() {
    TestResponse response = client.get("/broken/type");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).isEqualTo("Internal Server Error").doesNotContain("eve");
    assertThat(showingErrors.get("/broken/type").json())
        .isEqualTo(
            json(
                """
                {"errors":[
                  {"type":"int_type","loc":["response","id"],"msg":"Input should be a valid integer"},
                  {"type":"missing","loc":["response","email"],"msg":"Field required"}]}"""));
  }

  @Test
  void response_errors_in_a_list_name_the_index() {
    assertThat(client.get("/broken/list").status()).isEqualTo(500);
    assertThat(showingErrors.get("/broken/list").json())
        .isEqualTo(
            json(
                "{\"errors\":[{\"type\":\"missing\",\"loc\":[\"response\",1,\"email\"],\"msg\":\"Field required\"}]}"));
  }

  @Test
  void the_exception_carries_the_inputs_of_its_errors() {
    Snel app = Snel.create().include(new Routes());
    List<Object> inputs = new java.util.ArrayList<>();
    app.exceptionHandler(
        ResponseValidationException.class,
        (request, e) -> {
          e.errors().forEach(error -> inputs.add(error.input()));
          return Response.text("logged").status(500);
        });

    TestClient.of(app).get("/broken/missing");

    assertThat(inputs).containsExactly(new Partial(9), new Partial(9));
  }

  @Test
  void null_for_a_model_is_a_server_error_but_an_empty_optional_is_null() {
    assertThat(client.get("/users/nobody").status()).isEqualTo(500);
    assertThat(showingErrors.get("/users/nobody").json())
        .isEqualTo(
            json(
                """
                {"errors":[{"type":"model_attributes_type","loc":["response"],
                  "msg":"Input should be a valid dictionary or object to extract fields from"}]}"""));
    assertThat(client.get("/users/maybe").status()).isEqualTo(200);
    assertThat(client.get("/users/maybe").text()).isEqualTo("null");
  }
}
