package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Post;
import dev.snel.Snel;
import dev.snel.security.OAuth2PasswordRequestForm;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A form posted over a socket: FastAPI's {@code POST /token} with OAuth2PasswordRequestForm. */
class FormServerTest {

  public record Token(String access_token, String token_type) {}

  public static class Routes {
    @Post("/token")
    public Token login(@Depends OAuth2PasswordRequestForm form) {
      return new Token("token-for-" + form.username(), "bearer");
    }
  }

  private SnelServer server;

  @BeforeEach
  void start() {
    server = SnelServer.start(Snel.create().include(new Routes()), ServerConfig.defaults().port(0));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void logs_in_with_an_urlencoded_form() throws IOException {
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send(
                  Raw.post(
                      "/token",
                      "application/x-www-form-urlencoded",
                      "grant_type=password&username=j%C3%B6rg&password=s+cret"))
              .read();

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers().get("content-type")).isEqualTo("application/json");
      assertThat(reply.body())
          .isEqualTo("{\"access_token\":\"token-for-jörg\",\"token_type\":\"bearer\"}");
    }
  }

  @Test
  void answers_a_form_without_a_password_with_fastapis_422() throws IOException {
    try (Raw http = Raw.open(server.port())) {
      Raw.Reply reply =
          http.send(Raw.post("/token", "application/x-www-form-urlencoded", "username=johndoe"))
              .read();

      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.body())
          .isEqualTo(
              "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"password\"],\"msg\":\"Field"
                  + " required\",\"input\":null}]}");
    }
  }
}
