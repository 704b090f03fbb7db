package dev.snel.security;

import static dev.snel.security.Calls.assertNotAuthenticated;
import static dev.snel.security.Calls.get;
import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.HttpException;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FastAPI's OAuth2 scopes tutorial: a dependency takes {@link SecurityScopes} and the bearer token,
 * and answers 401 with {@code WWW-Authenticate: Bearer scope="..."} when the token lacks a scope
 * the chain requires; the operations list the scopes per scheme (spec 3).
 */
class ScopesTest {
  public record User(String username, List<String> scopes) {}

  /** The tokens the tutorial's login would have issued. */
  static final Map<String, User> TOKENS =
      Map.of(
          "johndoe-me", new User("johndoe", List.of("me")),
          "johndoe-all", new User("johndoe", List.of("me", "items")));

  // async def get_current_user(security_scopes: SecurityScopes,
  //                            token: Annotated[str, Depends(oauth2_scheme)]):
  public static final class CurrentUser {
    public User get(
        SecurityScopes securityScopes,
        @OAuth2PasswordBearer(
                tokenUrl = "token",
                scopes = {
                  @OAuth2Scope(
                      name = "me",
                      description = "Read information about the current user."),
                  @OAuth2Scope(name = "items", description = "Read items.")
                })
            String token) {
      String authenticate =
          securityScopes.scopes().isEmpty()
              ? "Bearer"
              : "Bearer scope=\"" + securityScopes.scopeStr() + "\"";
      User user = TOKENS.get(token);
      if (user == null) {
        throw new HttpException(
            401, "Could not validate credentials", Map.of("WWW-Authenticate", authenticate));
      }
      for (String scope : securityScopes.scopes()) {
        if (!user.scopes().contains(scope)) {
          throw new HttpException(
              401, "Not enough permissions", Map.of("WWW-Authenticate", authenticate));
        }
      }
      return user;
    }
  }

  // async def get_current_active_user(
  //     current_user: Annotated[User, Security(get_current_user, scopes=["me"])]):
  public static final class ActiveUser {
    public User get(@Depends(value = CurrentUser.class, scopes = "me") User user) {
      return user;
    }
  }

  public static class Routes {
    // read_users_me(current_user: Annotated[User, Security(get_current_active_user,
    // scopes=["me"])])
    @Get("/users/me/")
    public User readUsersMe(@Depends(value = ActiveUser.class, scopes = "me") User user) {
      return user;
    }

    // read_own_items(current_user: Annotated[User, Security(get_current_active_user,
    // scopes=["items"])])
    @Get("/users/me/items/")
    public List<Map<String, String>> readOwnItems(
        @Depends(value = ActiveUser.class, scopes = "items") User user) {
      return List.of(Map.of("item_id", "Foo", "owner", user.username()));
    }

    // Security(get_current_user, scopes=["me", "items"])
    @Get("/both")
    public String both(
        @Depends(
                value = CurrentUser.class,
                scopes = {"me", "items"})
            User user) {
      return user.username();
    }

    // read_system_status(current_user: Annotated[User, Depends(get_current_user)])
    @Get("/status/")
    public Map<String, String> readSystemStatus(@Depends(CurrentUser.class) User user) {
      return Map.of("status", "ok");
    }

    // dependencies=[Security(get_current_user, scopes=["admin"])], and a parameter with ["me"]
    @Get("/admin")
    @Depends(value = CurrentUser.class, scopes = "admin")
    public String admin(@Depends(value = CurrentUser.class, scopes = "me") User user) {
      return user.username();
    }

    // the same scheme reached with ["items","me"], ["me","admin"] and []
    @Get("/chain")
    public String chain(
        @Depends(value = ActiveUser.class, scopes = "items") User a,
        @Depends(
                value = CurrentUser.class,
                scopes = {"me", "admin"})
            User b,
        @Depends(CurrentUser.class) User c) {
      return a.username();
    }

    @Get("/plain-scopes")
    public List<String> plainScopes(SecurityScopes scopes) {
      return scopes.scopes();
    }
  }

  private final Snel app = Snel.create().include(new Routes());
  private final TestClient client = TestClient.of(app);

  @Test
  void a_token_with_the_required_scopes_passes() {
    assertThat(get(client, "/users/me/", "Bearer johndoe-me").json())
        .isEqualTo(json("{\"username\":\"johndoe\",\"scopes\":[\"me\"]}"));
    assertThat(get(client, "/users/me/items/", "Bearer johndoe-all").json())
        .isEqualTo(json("[{\"item_id\":\"Foo\",\"owner\":\"johndoe\"}]"));
    assertThat(get(client, "/both", "Bearer johndoe-all").json().asString()).isEqualTo("johndoe");
  }

  @Test
  void a_missing_scope_is_401_naming_every_required_scope_outermost_first() {
    var items = get(client, "/users/me/items/", "Bearer johndoe-me");
    assertThat(items.status()).isEqualTo(401);
    assertThat(items.text()).isEqualTo("{\"detail\":\"Not enough permissions\"}");
    assertThat(items.headers("www-authenticate")).containsExactly("Bearer scope=\"items me\"");
    var both = get(client, "/both", "Bearer johndoe-me");
    assertThat(both.status()).isEqualTo(401);
    assertThat(both.headers("www-authenticate")).containsExactly("Bearer scope=\"me items\"");
  }

  @Test
  void an_unknown_token_names_the_scopes_and_no_scopes_give_a_bare_bearer() {
    var unknown = get(client, "/users/me/", "Bearer nobody");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.text()).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
    assertThat(unknown.headers("www-authenticate")).containsExactly("Bearer scope=\"me\"");
    assertThat(get(client, "/status/", "Bearer nobody").headers("www-authenticate"))
        .containsExactly("Bearer");
    assertThat(get(client, "/status/", "Bearer johndoe-me").json())
        .isEqualTo(json("{\"status\":\"ok\"}"));
  }

  @Test
  void no_token_is_the_schemes_own_401() {
    assertNotAuthenticated(get(client, "/users/me/items/", null), "Bearer");
  }

  @Test
  void a_user_exception_handler_sees_the_schemes_challenge() {
    Snel handled =
        Snel.create()
            .include(new Routes())
            .exceptionHandler(
                HttpException.class,
                (request, e) ->
                    dev.snel.Response.json(
                            Map.of(
                                "status",
                                e.status(),
                                "challenge",
                                e.headers().get("WWW-Authenticate")))
                        .status(e.status()));
    var response = get(TestClient.of(handled), "/users/me/", null);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json()).isEqualTo(json("{\"status\":401,\"challenge\":\"Bearer\"}"));
  }

  @Test
  void security_scopes_without_a_scoped_dependency_above_are_empty() {
    assertThat(client.get("/plain-scopes").json()).isEqualTo(json("[]"));
  }

  @Test
  void the_operations_list_the_scopes_of_the_whole_chain_merged_per_scheme() {
    JsonNode paths = json(app.openApiJson()).get("paths");
    assertThat(paths.get("/users/me/").get("get").get("security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"me\"]}]");
    assertThat(paths.get("/users/me/items/").get("get").get("security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"items\",\"me\"]}]");
    assertThat(paths.get("/status/").get("get").get("security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
    assertThat(paths.get("/admin").get("get").get("security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"admin\",\"me\"]}]");
    assertThat(paths.get("/chain").get("get").get("security").toString())
        .isEqualTo("[{\"OAuth2PasswordBearer\":[\"items\",\"me\",\"admin\"]}]");
    assertThat(paths.get("/plain-scopes").get("get").has("security")).isFalse();
    assertThat(json(app.openApiJson()).get("components").get("securitySchemes").toString())
        .isEqualTo(
            "{\"OAuth2PasswordBearer\":{\"type\":\"oauth2\",\"flows\":{\"password\":{\"scopes\":"
                + "{\"me\":\"Read information about the current user.\",\"items\":\"Read items.\"},"
                + "\"tokenUrl\":\"token\"}}}}");
  }
}
