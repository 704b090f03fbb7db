package dev.snel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snel.Depends;
import dev.snel.Post;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import dev.snel.testing.TestClient;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** A client that hangs up while its handler holds a connection. */
class ClientGoneTest {
  static final CountDownLatch entered = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);

  /** Writes, then waits until the test lets it go. */
  public static final class Waiting {
    @Post("/items/{id}/wait")
    public Items.Item create(int id, String name, @Depends(Transaction.class) Handle handle)
        throws InterruptedException {
      handle.attach(Items.ItemRepository.class).insert(id, name);
      entered.countDown();
      release.await();
      return new Items.Item(id, name);
    }
  }

  @Test
  void returns_the_connection_and_commits_when_the_client_has_gone() throws Exception {
    TestDatabase db = TestDatabase.sqlite();
    Snel app = Snel.create();
    Sql.install(app, DatabaseConfig.of(db.url()).migrations("classpath:db/migration"));
    app.include(new Waiting()).include(new Items());
    try (SnelServer server = SnelServer.start(app, ServerConfig.defaults().port(0))) {
      Database database;
      try (Scope scope = app.openScope()) {
        database = scope.get(Database.class);
      }
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /items/1/wait?name=apple HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        entered.await();
      } // the client hangs up while the handler still holds the connection
      release.countDown();
      while (database.pool().getActiveConnections() > 0) {
        Thread.sleep(5);
      }
      // the handler returned normally, so what it wrote was committed
      assertThat(TestClient.of(app).get("/items/1").text())
          .isEqualTo("{\"id\":1,\"name\":\"apple\"}");
    } finally {
      app.close();
      db.drop();
    }
  }
}
