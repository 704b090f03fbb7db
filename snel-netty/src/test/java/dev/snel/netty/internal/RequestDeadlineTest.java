package dev.snel.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Get;
import dev.snel.NonBlocking;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request deadline on a clock the test moves: each request gets the whole request timeout from
 * its first byte, whatever the connection's earlier requests did, however the one timer per
 * connection happens to be set.
 */
class RequestDeadlineTest {
  /** The routes. */
  public static class Routes {
    @NonBlocking
    @Get("/hello")
    public String hello() {
      return "hi";
    }
  }

  private static final String GET = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

  private final Embedded connection =
      Embedded.open(
          Snel.create().include(new Routes()),
          ServerConfig.defaults()
              .requestTimeout(Duration.ofSeconds(1))
              .idleTimeout(Duration.ofHours(1)));

  @AfterEach
  void close() {
    connection.finishAndReleaseAll();
  }

  @Test
  void a_request_trickled_for_longer_than_the_request_timeout_is_answered_408() {
    assertThat(connection.send("GET /hello HTTP/1.1\r\n")).isEmpty();
    assertThat(connection.after(600)).isEmpty();
    assertThat(connection.send("Host: t\r\n")).isEmpty();
    assertThat(connection.after(399)).isEmpty();

    assertThat(connection.after(2)).startsWith("HTTP/1.1 408 ").contains("Request Timeout");
  }

  @Test
  void a_keep_alive_request_started_late_gets_the_whole_timeout_from_its_first_byte() {
    assertThat(connection.send(GET)).startsWith("HTTP/1.1 200 ");
    assertThat(connection.after(900)).isEmpty();
    assertThat(connection.send("GET /hello HTTP/1.1\r\n")).isEmpty();

    assertThat(connection.after(200)).isEmpty(); // past the first request's deadline
    assertThat(connection.after(650)).isEmpty();
    assertThat(connection.send("Host: t\r\n\r\n")).startsWith("HTTP/1.1 200 ");

    // and the next one still gets its deadline
    assertThat(connection.send("GET /hello HTTP/1.1\r\n")).isEmpty();
    assertThat(connection.after(999)).isEmpty();
    assertThat(connection.after(2)).startsWith("HTTP/1.1 408 ");
  }

  @Test
  void many_quick_requests_in_a_row_keep_each_its_own_deadline() {
    for (int i = 0; i < 30; i++) {
      assertThat(connection.send(GET)).startsWith("HTTP/1.1 200 ");
      assertThat(connection.after(100)).isEmpty();
    }
    assertThat(connection.send("GET /hello HTTP/1.1\r\n")).isEmpty();
    assertThat(connection.after(999)).isEmpty();
    assertThat(connection.after(2)).startsWith("HTTP/1.1 408 ");
  }

  @Test
  void a_connection_between_requests_has_no_deadline() {
    assertThat(connection.send(GET)).startsWith("HTTP/1.1 200 ");

    assertThat(connection.after(10_000)).isEmpty();
    assertThat(connection.isActive()).isTrue();
    assertThat(connection.send(GET)).startsWith("HTTP/1.1 200 ");
  }
}
