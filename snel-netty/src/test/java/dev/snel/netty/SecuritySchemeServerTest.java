package dev.snel.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.security.OAuth2PasswordBearer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A security scheme's 401 as the real server writes it, byte for byte where FastAPI fixes it. */
class SecuritySchemeServerTest {
  public static class Routes {
    @Get("/users/me")
    public String readUsersMe(@OAuth2PasswordBearer(tokenUrl = "token") String token) {
      return token;
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

  /** The whole response of one request on a connection the server is told to close. */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void oauth2_password_bearer_answers_401_not_authenticated_with_a_bearer_challenge()
      throws IOException {
    String response = exchange("GET /users/me HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    String head = response.substring(0, response.indexOf("\r\n\r\n"));
    assertThat(head)
        .startsWith("HTTP/1.1 401 Unauthorized\r\n")
        .contains("\r\nwww-authenticate: Bearer\r\n")
        .contains("\r\ncontent-length: 30\r\n")
        .contains("\r\ncontent-type: application/json\r\n");
    assertThat(response.substring(head.length() + 4))
        .isEqualTo("{\"detail\":\"Not authenticated\"}");
  }

  @Test
  void a_bearer_token_reaches_the_handler() throws IOException {
    String response =
        exchange(
            "GET /users/me HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer abc\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n\"abc\"");
  }
}
