package dev.snel.examples.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import org.junit.jupiter.api.Test;

class ServerTest {
  @Test
  void serves_the_app_over_a_real_socket() {
    try (SnelServer server = SnelServer.start(Main.app(), ServerConfig.defaults().port(0))) {
      TestClient client = TestClient.of(server.baseUri());

      assertThat(client.get("/items/5?q=x").json().get("item_id").asInt()).isEqualTo(5);
      assertThat(client.get("/nope").status()).isEqualTo(404);
    }
  }
}
