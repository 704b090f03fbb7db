package dev.snel.security;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Get;
import dev.snel.Operation;
import dev.snel.Snel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the schemes put in the OpenAPI document, compared as text where FastAPI's key order matters
 * (spec 1, 3.2, 6): each scheme's {@code components.securitySchemes} entry and the operations'
 * {@code security}, merged per scheme name with the scopes of the whole dependency tree.
 */
class SecurityOpenApiTest {
  public static class Schemes {
    @Get("/password")
    public String password(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return token;
    }

    // OAuth2PasswordBearer(tokenUrl="token", scheme_name="full", description="OAuth desc",
    //   refreshUrl="refresh", scopes={"me": "Read me", "items": "Items"})
    @Get("/password-full")
    public String passwordFull(
        @OAuth2PasswordBearer(
                tokenUrl = "token",
                schemeName = "full",
                description = "OAuth desc",
                refreshUrl = "refresh",
                scopes = {
                  @OAuth2Scope(name = "me", description = "Read me"),
                  @OAuth2Scope(name = "items", description = "Items")
                })
            String token) {
      return token;
    }

    @Get("/code")
    public String code(
        @OAuth2AuthorizationCodeBearer(authorizationUrl = "authorize", tokenUrl = "token")
            String token) {
      return token;
    }

    @Get("/code-full")
    public String codeFull(
        @OAuth2AuthorizationCodeBearer(
                authorizationUrl = "authorize",
                tokenUrl = "token",
                refreshUrl = "refresh",
                scopes = @OAuth2Scope(name = "read", description = "Read"),
                schemeName = "code")
            String token) {
      return token;
    }

    @Get("/oidc")
    public String oidc(@OpenIdConnect(openIdConnectUrl = "/oidc") String authorization) {
      return authorization;
    }

    @Get("/oidc-described")
    public String oidcDescribed(
        @OpenIdConnect(openIdConnectUrl = "/oidc", description = "oidc desc", schemeName = "oid")
            String authorization) {
      return authorization;
    }

    @Get("/bearer")
    public String bearer(@HttpBearer HttpAuthorizationCredentials credentials) {
      return credentials.credentials();
    }

    // HTTPBearer(bearerFormat="JWT", description="Bearer desc", scheme_name="jwt")
    @Get("/jwt")
    public String jwt(
        @HttpBearer(bearerFormat = "JWT", description = "Bearer desc", schemeName = "jwt")
            HttpAuthorizationCredentials credentials) {
      return credentials.credentials();
    }

    @Get("/digest")
    public String digest(@HttpDigest HttpAuthorizationCredentials credentials) {
      return credentials.credentials();
    }

    @Get("/basic")
    public String basic(
        @HttpBasic(realm = "never in the document") HttpBasicCredentials credentials) {
      return credentials.username();
    }

    @Get("/basic-described")
    public String basicDescribed(
        @HttpBasic(description = "basic desc", schemeName = "basic")
            Optional<HttpBasicCredentials> credentials) {
      return "";
    }

    @Get("/header")
    public String header(@ApiKeyHeader(name = "X-Key") String key) {
      return key;
    }

    // APIKeyHeader(name="X-API-Key", description="key desc", scheme_name="ApiKeyAuth")
    @Get("/header-described")
    public String headerDescribed(
        @ApiKeyHeader(name = "X-API-Key", description = "key desc", schemeName = "ApiKeyAuth")
            String key) {
      return key;
    }

    @Get("/query")
    public String query(@ApiKeyQuery(name = "key") String key) {
      return key;
    }

    @Get("/cookie")
    public String cookie(@ApiKeyCookie(name = "key") String key) {
      return key;
    }

    @Get("/hidden")
    @Operation(hidden = true)
    public String hidden(@ApiKeyQuery(name = "hidden", schemeName = "Hidden") String key) {
      return key;
    }
  }

  private static final JsonNode DOCUMENT = json(Snel.create().include(new Schemes()).openApiJson());

  private static String scheme(String name) {
    return DOCUMENT.get("components").get("securitySchemes").get(name).toString();
  }

  private static String security(String path) {
    return DOCUMENT.get("paths").get(path).get("get").get("security").toString();
  }

  @Test
  void oauth2_password_bearer() {
    assertThat(scheme("OAuth2PasswordBearer"))
        .isEqualTo(
            "{\"type\":\"oauth2\",\"flows\":{\"password\":{\"scopes\":{},\"tokenUrl\":\"token\"}}}");
    assertThat(scheme("full"))
        .isEqualTo(
            "{\"type\":\"oauth2\",\"description\":\"OAuth desc\",\"flows\":{\"password\":{"
                + "\"refreshUrl\":\"refresh\",\"scopes\":{\"me\":\"Read me\",\"items\":\"Items\"},"
                + "\"tokenUrl\":\"token\"}}}");
    assertThat(security("/password")).isEqualTo("[{\"OAuth2PasswordBearer\":[]}]");
    assertThat(security("/password-full")).isEqualTo("[{\"full\":[]}]");
  }

  @Test
  void oauth2_authorization_code_bearer() {
    assertThat(scheme("OAuth2AuthorizationCodeBearer"))
        .isEqualTo(
            "{\"type\":\"oauth2\",\"flows\":{\"authorizationCode\":{\"scopes\":{},"
                + "\"authorizationUrl\":\"authorize\",\"tokenUrl\":\"token\"}}}");
    assertThat(scheme("code"))
        .isEqualTo(
            "{\"type\":\"oauth2\",\"flows\":{\"authorizationCode\":{\"refreshUrl\":\"refresh\","
                + "\"scopes\":{\"read\":\"Read\"},\"authorizationUrl\":\"authorize\",\"tokenUrl\":\"token\"}}}");
    assertThat(security("/code")).isEqualTo("[{\"OAuth2AuthorizationCodeBearer\":[]}]");
  }

  @Test
  void open_id_connect() {
    assertThat(scheme("OpenIdConnect"))
        .isEqualTo("{\"type\":\"openIdConnect\",\"openIdConnectUrl\":\"/oidc\"}");
    assertThat(scheme("oid"))
        .isEqualTo(
            "{\"type\":\"openIdConnect\",\"description\":\"oidc desc\",\"openIdConnectUrl\":\"/oidc\"}");
    assertThat(security("/oidc")).isEqualTo("[{\"OpenIdConnect\":[]}]");
  }

  @Test
  void http_bearer_digest_and_basic() {
    assertThat(scheme("HTTPBearer")).isEqualTo("{\"type\":\"http\",\"scheme\":\"bearer\"}");
    assertThat(scheme("jwt"))
        .isEqualTo(
            "{\"type\":\"http\",\"description\":\"Bearer desc\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}");
    assertThat(scheme("HTTPDigest")).isEqualTo("{\"type\":\"http\",\"scheme\":\"digest\"}");
    assertThat(scheme("HTTPBasic")).isEqualTo("{\"type\":\"http\",\"scheme\":\"basic\"}");
    assertThat(scheme("basic"))
        .isEqualTo("{\"type\":\"http\",\"description\":\"basic desc\",\"scheme\":\"basic\"}");
    assertThat(security("/bearer")).isEqualTo("[{\"HTTPBearer\":[]}]");
    assertThat(security("/jwt")).isEqualTo("[{\"jwt\":[]}]");
    assertThat(security("/digest")).isEqualTo("[{\"HTTPDigest\":[]}]");
    assertThat(security("/basic")).isEqualTo("[{\"HTTPBasic\":[]}]");
    assertThat(security("/basic-described")).isEqualTo("[{\"basic\":[]}]");
  }

  @Test
  void api_keys() {
    assertThat(scheme("APIKeyHeader"))
        .isEqualTo("{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"X-Key\"}");
    assertThat(scheme("ApiKeyAuth"))
        .isEqualTo(
            "{\"type\":\"apiKey\",\"description\":\"key desc\",\"in\":\"header\",\"name\":\"X-API-Key\"}");
    assertThat(scheme("APIKeyQuery"))
        .isEqualTo("{\"type\":\"apiKey\",\"in\":\"query\",\"name\":\"key\"}");
    assertThat(scheme("APIKeyCookie"))
        .isEqualTo("{\"type\":\"apiKey\",\"in\":\"cookie\",\"name\":\"key\"}");
    assertThat(security("/header")).isEqualTo("[{\"APIKeyHeader\":[]}]");
    assertThat(security("/query")).isEqualTo("[{\"APIKeyQuery\":[]}]");
    assertThat(security("/cookie")).isEqualTo("[{\"APIKeyCookie\":[]}]");
  }

  @Test
  void schemes_are_listed_in_first_seen_order_and_hidden_routes_add_none() {
    assertThat(DOCUMENT.get("components").propertyNames()).containsExactly("securitySchemes");
    assertThat(DOCUMENT.get("components").get("securitySchemes").propertyNames())
        .containsExactly(
            "OAuth2PasswordBearer",
            "full",
            "OAuth2AuthorizationCodeBearer",
            "code",
            "OpenIdConnect",
            "oid",
            "HTTPBearer",
            "jwt",
            "HTTPDigest",
            "HTTPBasic",
            "basic",
            "APIKeyHeader",
            "ApiKeyAuth",
            "APIKeyQuery",
            "APIKeyCookie");
  }

  @Test
  void a_scheme_is_no_parameter_and_adds_no_validation_error_response() {
    JsonNode operation = DOCUMENT.get("paths").get("/query").get("get");
    assertThat(operation.has("parameters")).isFalse();
    assertThat(operation.get("responses").propertyNames()).containsExactly("200");
  }

  // --- FastAPI's docs example (spec 6.2): security after responses, no 422, no schemas ---

  public record User(String username) {}

  public static final class CurrentUser {
    public User get(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return new User(token);
    }
  }

  public static class UsersMe {
    // @app.get("/users/me") async def read_users_me(current_user: Annotated[User,
    // Depends(get_current_user)]) -> User
    @Get("/users/me")
    public User readUsersMe(@Depends(CurrentUser.class) User currentUser) {
      return currentUser;
    }
  }

  @Test
  void the_operation_lists_security_after_its_responses_as_fastapi_writes_it() {
    JsonNode document = json(Snel.create().include(new UsersMe()).openApiJson());
    assertThat(document.get("components").propertyNames())
        .containsExactly("schemas", "securitySchemes");
    assertThat(document.get("paths").get("/users/me").get("get").toString())
        .isEqualTo(
            "{\"summary\":\"Read Users Me\",\"operationId\":\"read_users_me_users_me_get\","
                + "\"responses\":{\"200\":{\"description\":\"Successful Response\",\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/User\"}}}}},"
                + "\"security\":[{\"OAuth2PasswordBearer\":[]}]}");
    assertThat(document.get("components").get("securitySchemes").toString())
        .isEqualTo(
            "{\"OAuth2PasswordBearer\":{\"type\":\"oauth2\",\"flows\":{\"password\":{\"scopes\":{},\"tokenUrl\":\"token\"}}}}");
  }

  public static class WithParameter {
    @Get("/items")
    public Map<String, Object> items(@Depends(CurrentUser.class) User user, int limit) {
      return Map.of();
    }
  }

  @Test
  void in_a_path_with_parameters_security_stays_before_them_as_fastapi_builds_it() {
    JsonNode operation =
        json(Snel.create().include(new WithParameter()).openApiJson())
            .get("paths")
            .get("/items")
            .get("get");
    assertThat(operation.propertyNames())
        .containsExactly("summary", "operationId", "security", "parameters", "responses");
  }
}
