package dev.snel.docstests;

import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.net.URI;

/** An example app served on a free loopback port, as {@code examples/run} serves it. */
final class ExampleServer implements AutoCloseable {
  private final Snel app;
  private final SnelServer server;

  private ExampleServer(Snel app) {
    this.app = app;
    this.server = SnelServer.start(app, ServerConfig.defaults().port(0));
  }

  static ExampleServer start(Snel app) {
    return new ExampleServer(app);
  }

  Snel app() {
    return app;
  }

  URI uri(String path) {
    return server.baseUri().resolve(path);
  }

  String origin() {
    String base = server.baseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @Override
  public void close() {
    server.stop();
  }
}
