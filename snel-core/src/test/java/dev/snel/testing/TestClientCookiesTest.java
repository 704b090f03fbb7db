package dev.snel.testing;

import static dev.snel.testing.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.snel.Get;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cookies in TestClient, as Starlette's test client (httpx) keeps and sends them. */
class TestClientCookiesTest {

  public static class Routes {
    @Get("/cookies")
    public Map<String, String> cookies(Request request) {
      return request.cookies();
    }

    @Get("/admin/cookies")
    public Map<String, String> adminCookies(Request request) {
      return request.cookies();
    }

    @Get("/login")
    public Map<String, Object> login(Response response) {
      response.cookie("session", "xyz");
      return Map.of();
    }

    @Get("/logout")
    public Map<String, Object> logout(Response response) {
      // what Starlette's delete_cookie sends
      response
          .headers()
          .add(
              "set-cookie",
              "session=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=lax");
      return Map.of();
    }

    @Get("/admin/login")
    public Map<String, Object> adminLogin(Response response) {
      response.headers().add("set-cookie", "admin=yes; Path=/admin");
      response.headers().add("set-cookie", "secret=s; Path=/; Secure");
      return Map.of();
    }
  }

  private final TestClient client = TestClient.of(Snel.create().include(new Routes()));

  @Test
  void sends_a_cookie_with_one_request_only() {
    assertThat(client.request("GET", "/cookies").cookie("ads", "0").send().json())
        .isEqualTo(json("{\"ads\":\"0\"}"));
    assertThat(client.get("/cookies").json()).isEqualTo(json("{}"));
  }

  @Test
  void sends_the_clients_cookies_with_every_request_and_a_requests_own_over_them() {
    client.cookie("session", "abc").cookie("theme", "dark");

    assertThat(client.get("/cookies").json())
        .isEqualTo(json("{\"session\":\"abc\",\"theme\":\"dark\"}"));
    assertThat(client.request("GET", "/cookies").cookie("theme", "light").send().json())
        .isEqualTo(json("{\"session\":\"abc\",\"theme\":\"light\"}"));
    assertThat(client.cookies()).isEqualTo(Map.of("session", "abc", "theme", "dark"));
  }

  @Test
  void keeps_the_cookies_the_app_sets_and_forgets_the_ones_it_deletes() {
    TestResponse login = client.get("/login");
    assertThat(login.cookies()).isEqualTo(Map.of("session", "xyz"));
    assertThat(client.cookies()).isEqualTo(Map.of("session", "xyz"));
    assertThat(client.get("/cookies").json()).isEqualTo(json("{\"session\":\"xyz\"}"));

    client.get("/logout");

    assertThat(client.cookies()).isEmpty();
    assertThat(client.get("/cookies").json()).isEqualTo(json("{}"));
  }

  @Test
  void sends_a_cookie_only_under_its_path_and_a_secure_one_never_to_testserver() {
    client.get("/admin/login");

    assertThat(client.get("/cookies").json()).isEqualTo(json("{}"));
    assertThat(client.get("/admin/cookies").json()).isEqualTo(json("{\"admin\":\"yes\"}"));
    assertThat(client.cookies()).containsOnlyKeys("admin", "secret");
  }

  @Test
  void a_cookie_header_of_the_request_replaces_the_clients_cookies() {
    client.cookie("session", "abc");

    TestResponse response = client.request("GET", "/cookies").header("cookie", "other=1").send();

    assertThat(response.json()).isEqualTo(json("{\"other\":\"1\"}"));
  }

  @Test
  void forgets_one_cookie_or_all() {
    client.cookie("a", "1").cookie("b", "2").removeCookie("a");
    assertThat(client.cookies()).isEqualTo(Map.of("b", "2"));

    client.clearCookies();
    assertThat(client.get("/cookies").json()).isEqualTo(json("{}"));
  }

  @Test
  void keeps_and_sends_cookies_over_http_too() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String received =
              String.join(
                  ",", exchange.getRequestHeaders().getOrDefault("cookie", java.util.List.of()));
          if (exchange.getRequestURI().getPath().equals("/login")) {
            exchange.getResponseHeaders().add("set-cookie", "session=xyz; Path=/");
          }
          byte[] body = received.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      TestClient http =
          TestClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
              .cookie("a", "1");

      http.get("/login");

      assertThat(http.request("GET", "/echo").cookie("b", "2").send().text())
          .isEqualTo("a=1; session=xyz; b=2");
    } finally {
      server.stop(0);
    }
  }
}
