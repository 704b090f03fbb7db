package dev.snel.examples.minimal;

import dev.snel.Router;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.time.Duration;

/**
 * The other apps of docs/tutorial/first-steps.md, beside the seed's app in {@link Main}: several
 * objects in one app, routers, a configured server.
 */
public final class FirstSteps {
  private FirstSteps() {}

  /** {@link Hello} and {@link Returns} in one app. */
  public static Snel app() {
    Snel app = Snel.create().include(new Hello()).include(new Returns());
    return app;
  }

  /** {@link UserRoutes} under /api/users. */
  public static Snel routerApp() {
    Router users = Router.withPrefix("/users").tags("users").include(new UserRoutes());
    Snel app = Snel.create().include(Router.withPrefix("/api").include(users));
    // UserRoutes' @Get("/{id}") now answers GET /api/users/{id}, and @Get("") answers GET
    // /api/users
    return app;
  }

  /** Serves {@link #app()} with other limits than the defaults. */
  public static void main(String[] args) {
    Snel app = app();
    ServerConfig config =
        ServerConfig.fromEnvironment()
            .maxBodySize(10 << 20)
            .requestTimeout(Duration.ofSeconds(10))
            .idleTimeout(Duration.ofSeconds(5))
            .shutdownTimeout(Duration.ofSeconds(10));
    SnelServer.run(app, config);
  }
}
