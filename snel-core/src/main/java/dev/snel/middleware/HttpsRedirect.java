package dev.snel.middleware;

import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.middleware.Edits;

/**
 * Redirects every plain {@code http} (and {@code ws}) request to its {@code https} ({@code wss})
 * twin with 307, which keeps the method and body: Starlette's {@code HTTPSRedirectMiddleware}, in
 * FastAPI {@code app.add_middleware(HTTPSRedirectMiddleware)}.
 *
 * <pre>{@code
 * app.middleware(HttpsRedirect.create());
 * }</pre>
 *
 * <p>The redirect keeps the host, path and query; a port 80 or 443 in the {@code Host} header is
 * dropped, any other kept. Behind a proxy that ends TLS, the request's scheme is what the server
 * saw, so put this middleware where the scheme is the client's.
 *
 * <p>Stateless and thread-safe.
 */
public final class HttpsRedirect implements Middleware {
  private HttpsRedirect() {}

  /** The middleware. */
  public static HttpsRedirect create() {
    return new HttpsRedirect();
  }

  @Override
  public Response handle(Request request, Next next) throws Exception {
    String scheme = request.scheme();
    String secure =
        switch (scheme) {
          case "http" -> "https";
          case "ws" -> "wss";
          default -> null;
        };
    if (secure == null) {
      return next.proceed(request);
    }
    String host = request.header("host").orElse("localhost");
    int port = Edits.port(host);
    String netloc = port == 80 || port == 443 ? Edits.hostname(host) : host;
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    return Response.redirect(secure + "://" + netloc + request.rawPath() + query, 307);
  }
}
