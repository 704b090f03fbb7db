package dev.snel.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import dev.snel.testing.TestResponse;
import dev.snel.testing.TestStream;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed reports of the custom responses page, in process and over a real server. */
class ReportsTest {
  @Test
  void the_report_is_streamed_and_the_cursor_is_closed_once_it_is_sent() {
    try (TestClient client = TestClient.of(Main.app())) {
      TestResponse response = client.get("/reports/sales.csv?rows=3");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).contains("text/csv");
      assertThat(response.header("content-length")).isEmpty();
      assertThat(response.text())
          .isEqualTo("id,region,amount\n1,east,37.00\n2,south,74.00\n3,west,111.00\n");
      assertThat(client.get("/reports/events").json(List.class))
          .containsExactly("cursor opened", "cursor closed after 3 rows");
    }
  }

  @Test
  void each_line_of_the_countdown_arrives_as_soon_as_it_is_written() {
    try (SnelServer server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0));
        TestClient client = TestClient.of(server.baseUri());
        TestStream stream = client.request("GET", "/reports/countdown?from=2").stream()) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("transfer-encoding")).contains("chunked");
      Iterator<String> lines = stream.lines().iterator();
      assertThat(lines.next()).isEqualTo("2"); // a second before the next line is written
      assertThat(lines.next()).isEqualTo("1");
      assertThat(lines.next()).isEqualTo("liftoff");
      assertThat(lines.hasNext()).isFalse();
    }
  }

  @Test
  void a_client_that_stops_reading_a_long_report_stops_the_query_and_closes_the_cursor()
      throws InterruptedException {
    try (SnelServer server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0));
        TestClient client = TestClient.of(server.baseUri())) {
      try (TestStream stream = client.request("GET", "/reports/sales.csv?rows=1000000").stream()) {
        assertThat(stream.lines().limit(2)).containsExactly("id,region,amount", "1,east,37.00");
      }
      List<?> events = List.of();
      for (int i = 0; i < 500 && events.size() < 2; i++) {
        Thread.sleep(20);
        events = client.get("/reports/events").json(List.class);
      }
      assertThat(events).first().isEqualTo("cursor opened");
      // the writer waited for the client, so it never read far ahead of it
      assertThat(events.get(1).toString())
          .startsWith("cursor closed after ")
          .isNotEqualTo("cursor closed after 1000000 rows");
    }
  }
}
