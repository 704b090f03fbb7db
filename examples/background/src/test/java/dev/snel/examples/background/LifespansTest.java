package dev.snel.examples.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FastAPI's lifespan example, in-process and through the real server. */
class LifespansTest {
  @BeforeEach
  void clear() {
    Lifespans.EVENTS.clear();
  }

  @Test
  void the_test_client_starts_the_app_and_stops_it_when_closed() {
    try (TestClient client = TestClient.withLifespan(Lifespans.app())) {
      assertThat(Lifespans.EVENTS)
          .containsExactly("models loaded", "connected to the cache", "startup event");
      assertThat(client.get("/predict?x=2").text()).isEqualTo("{\"result\":84.0}");
    }
    assertThat(Lifespans.EVENTS)
        .containsExactly(
            "models loaded",
            "connected to the cache",
            "startup event",
            "shutdown event",
            "disconnected from the cache",
            "models released");
  }

  @Test
  void the_server_sets_the_app_up_before_it_listens_and_tears_it_down_after_it_stops() {
    Snel app = Lifespans.app();
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      assertThat(Lifespans.EVENTS)
          .containsExactly("models loaded", "connected to the cache", "startup event");
      assertThat(TestClient.of(server.baseUri()).get("/predict?x=0.5").text())
          .isEqualTo("{\"result\":21.0}");
    }
    assertThat(Lifespans.EVENTS)
        .endsWith("shutdown event", "disconnected from the cache", "models released");
  }
}
