package dev.snel.examples.streaming;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;

/**
 * Snel as the front end of an AI service: tokens streamed as Server-Sent Events, JSON Lines,
 * uploaded files hashed while they stream in, static files, and a WebSocket echo.
 */
public final class Main {
  private Main() {}

  /** The app. */
  public static Snel app() {
    Snel app = Snel.create();
    app.provide(new Reports.Sales()).include(new Reports());
    StaticSite.addTo(app);
    app.include(new Uploads());
    app.include(new TokenStreams());
    app.include(EchoSocket.fromEnvironment());
    return app;
  }

  /** Serves the app on $PORT (default 8000). */
  public static void main(String[] args) {
    SnelServer.run(app(), Uploads.serverConfig(ServerConfig.fromEnvironment()));
  }
}
