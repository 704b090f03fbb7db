package dev.snel.examples.openapiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.snel.examples.openapiclient.generated.ApiClient;
import dev.snel.examples.openapiclient.generated.ApiException;
import dev.snel.examples.openapiclient.generated.api.DefaultApi;
import dev.snel.examples.openapiclient.generated.model.UserCreate;
import dev.snel.examples.openapiclient.generated.model.UserResponse;
import dev.snel.examples.usersmodels.Main;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client openapi-generator made from the users-models example's exported document (see this
 * module's pom) compiles, and talks to the app over a real socket: the document describes what the
 * app really does.
 */
class GeneratedClientTest {
  private static SnelServer server;
  private static DefaultApi users;

  @BeforeAll
  static void start() {
    server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0));
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.baseUri().toString());
    users = new DefaultApi(client);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void creates_a_user_through_the_generated_client() throws ApiException {
    UserResponse created =
        users.createUserUsersPost(
            new UserCreate().username("alice").email("alice@example.com").password("secret123"));
    assertThat(created.getId()).isPositive();
    assertThat(created.getUsername()).isEqualTo("alice");
    assertThat(created.getEmail()).isEqualTo("alice@example.com");
    assertThat(created.getCreatedAt()).isBeforeOrEqualTo(LocalDateTime.now());
  }

  @Test
  void an_invalid_user_is_a_422_for_the_client() {
    ApiException error =
        catchThrowableOfType(
            ApiException.class,
            () ->
                users.createUserUsersPost(
                    new UserCreate().username("ab").email("ab@example.com").password("secret123")));
    assertThat(error.getCode()).isEqualTo(422);
    assertThat(error.getResponseBody()).contains("string_too_short");
  }

  @Test
  void the_typescript_client_was_generated_too() {
    Path generated = Path.of("target/generated-sources/openapi-typescript");
    assertThat(generated.resolve("apis/DefaultApi.ts")).exists();
    assertThat(generated.resolve("models/UserCreate.ts")).exists();
    assertThat(Files.isRegularFile(Path.of("target/openapi/users-models.json"))).isTrue();
  }
}
