package dev.snel;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

  public static class Users {
    @Get("/users/{user_id}")
    public Map<String, Object> user(String user_id) {
      return Map.of("user_id", user_id);
    }

    @Get("/users/me")
    public Map<String, Object> me() {
      return Map.of("user_id", "the current user");
    }

    @Post("/users/{user_id}")
    public Map<String, Object> update(String user_id) {
      return Map.of("updated", user_id);
    }

    @Delete("/users/{user_id}")
    public Map<String, Object> remove(String user_id) {
      return Map.of("deleted", user_id);
    }

    @Put("/users/{user_id}")
    public Map<String, Object> replace(String user_id) {
      return Map.of("replaced", user_id);
    }

    @Patch("/users/{user_id}")
    public Map<String, Object> change(String user_id) {
      return Map.of("patched", user_id);
    }

    @Options("/users")
    public Response options() {
      return Response.empty(204).header("allow", "OPTIONS");
    }

    @Get("/files/{file_path:path}")
    public Map<String, Object> file(String file_path) {
      return Map.of("file_path", file_path);
    }

    @Get("/")
    public String root() {
      return "root";
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Users()));

  @Test
  void matches_a_path_parameter_segment() {
    assertThat(client.get("/users/42").json()).isEqualTo(json("{\"user_id\":\"42\"}"));
  }

  @Test
  void a_literal_segment_beats_a_parameter_whatever_the_declaration_order() {
    assertThat(client.get("/users/me").json())
        .isEqualTo(json("{\"user_id\":\"the current user\"}"));
  }

  @Test
  void a_literal_path_without_a_route_for_the_method_falls_back_to_a_parameter() {
    assertThat(client.post("/users/me", Map.of()).json()).isEqualTo(json("{\"updated\":\"me\"}"));
    assertThat(client.head("/users/me").status()).isEqualTo(200);
  }

  @Test
  void routes_every_http_method_to_its_handler() {
    assertThat(client.post("/users/7", Map.of()).json()).isEqualTo(json("{\"updated\":\"7\"}"));
    assertThat(client.delete("/users/7").json()).isEqualTo(json("{\"deleted\":\"7\"}"));
    assertThat(client.put("/users/7", Map.of()).json()).isEqualTo(json("{\"replaced\":\"7\"}"));
    assertThat(client.patch("/users/7", Map.of()).json()).isEqualTo(json("{\"patched\":\"7\"}"));
    assertThat(client.request("OPTIONS", "/users").send().status()).isEqualTo(204);
  }

  @Test
  void a_path_converter_takes_the_rest_of_the_path_with_its_slashes() {
    assertThat(client.get("/files/home/alice/notes.txt").json())
        .isEqualTo(json("{\"file_path\":\"home/alice/notes.txt\"}"));
  }

  @Test
  void the_root_path_is_a_route_like_any_other() {
    assertThat(client.get("/").json()).isEqualTo(json("\"root\""));
  }

  @Test
  void an_unknown_path_is_404_not_found() {
    TestResponse response = client.get("/nope");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Not Found\"}"));
  }

  @Test
  void a_known_path_with_another_method_is_405_with_allow() {
    TestResponse response = client.request("OPTIONS", "/users/7").send();
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json()).isEqualTo(json("{\"detail\":\"Method Not Allowed\"}"));
    assertThat(response.header("allow")).contains("GET, POST, PUT, PATCH, DELETE");
  }

  @Test
  void a_percent_encoded_slash_does_not_split_a_segment_into_a_route_match() {
    assertThat(client.get("/users/a%2Fb").status()).isEqualTo(404);
  }

  @Test
  void path_values_are_percent_decoded_and_plus_stays_a_plus() {
    assertThat(client.get("/users/caf%C3%A9+x").json()).isEqualTo(json("{\"user_id\":\"café+x\"}"));
  }

  @Test
  void a_trailing_slash_mismatch_redirects_with_307_to_the_absolute_url_keeping_the_query() {
    TestResponse response = client.get("/users/42/?x=1");
    assertThat(response.status()).isEqualTo(307);
    assertThat(response.header("location")).contains("http://testserver/users/42?x=1");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void head_on_a_get_route_answers_with_the_get_status_and_headers_and_no_body() {
    TestResponse get = client.get("/users/42");
    TestResponse head = client.head("/users/42");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
    assertThat(head.header("content-length")).contains(Integer.toString(get.body().length));
  }

  @Test
  void head_on_an_unknown_path_is_404_without_a_body() {
    TestResponse head = client.head("/nope");
    assertThat(head.status()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
  }

  public static class Prefixed {
    @Get("/{item_id}")
    public Map<String, Object> item(int item_id) {
      return Map.of("item_id", item_id);
    }
  }

  @Test
  void routers_add_their_prefixes_and_nest() {
    Router items = Router.withPrefix("/items").tags("items").include(new Prefixed());
    Snel app = Snel.create().include(Router.withPrefix("/v1").include(items));
    TestClient prefixed = TestClient.of(app);
    assertThat(prefixed.get("/v1/items/3").json()).isEqualTo(json("{\"item_id\":3}"));
    assertThat(prefixed.get("/items/3").status()).isEqualTo(404);
  }

  @Test
  void a_router_prefix_must_start_and_not_end_with_a_slash() {
    assertThatThrownBy(() -> Router.withPrefix("/items/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Router.withPrefix("items"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  public static class Twice {
    @Get("/a")
    public String one() {
      return "1";
    }

    @Get("/a")
    public String two() {
      return "2";
    }
  }

  @Test
  void two_routes_for_the_same_method_and_path_fail_at_startup() {
    assertThatThrownBy(() -> Snel.create().include(new Twice()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("two routes for GET /a");
  }

  public static class BadTemplate {
    @Get("/items/{id:int}")
    public String item(String id) {
      return id;
    }
  }

  @Test
  void an_unknown_path_convertor_fails_at_startup_naming_the_method() {
    assertThatThrownBy(() -> Snel.create().include(new BadTemplate()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("BadTemplate.item")
        .hasMessageContaining("unknown path convertor 'int'");
  }

  @Test
  void an_object_without_routes_is_refused() {
    assertThatThrownBy(() -> Snel.create().include(new Object()))
        .isInstanceOf(RouteDefinitionException.class)
        .hasMessageContaining("no method annotated");
  }
}
