package dev.snel.middleware;

import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import java.util.List;

/**
 * Refuses requests whose {@code Host} header names no allowed host, against HTTP Host header
 * attacks: Starlette's {@code TrustedHostMiddleware}, in FastAPI {@code
 * app.add_middleware(TrustedHostMiddleware, allowed_hosts=["example.com", "*.example.com"])}.
 *
 * <pre>{@code
 * app.middleware(TrustedHost.allowing("example.com", "*.example.com"));
 * }</pre>
 *
 * <p>A host is allowed when it equals an allowed host or, for a pattern {@code *.example.com}, ends
 * with {@code .example.com}; {@code *} allows any. The port is ignored. Any other host is answered
 * 400 {@code Invalid host header} as plain text, before routing; except that, with the www redirect
 * on (the default), a request for {@code example.com} when only {@code www.example.com} is allowed
 * is redirected there with 307.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedHost implements Middleware {
  private static final String WILDCARD_RULE =
      "Domain wildcard patterns must be like '*.example.com'.";

  private final List<String> allowedHosts;
  private final boolean allowAny;
  private final boolean wwwRedirect;

  private TrustedHost(List<String> allowedHosts, boolean wwwRedirect) {
    for (String pattern : allowedHosts) {
      if (pattern.indexOf('*', 1) >= 0
          || (pattern.startsWith("*") && !pattern.equals("*") && !pattern.startsWith("*."))) {
        throw new IllegalArgumentException(WILDCARD_RULE + " Got: " + pattern);
      }
    }
    this.allowedHosts = List.copyOf(allowedHosts);
    this.allowAny = allowedHosts.contains("*");
    this.wwwRedirect = wwwRedirect;
  }

  /**
   * Allows these hosts ({@code allowed_hosts}): names, {@code *.example.com} patterns, or {@code
   * *}.
   */
  public static TrustedHost allowing(String... hosts) {
    return new TrustedHost(List.of(hosts), true);
  }

  /**
   * The same hosts, redirecting (or not) a bare domain to its allowed {@code www.} twin ({@code
   * www_redirect}, on by default).
   */
  public TrustedHost wwwRedirect(boolean redirect) {
    return new TrustedHost(allowedHosts, redirect);
  }

  @Override
  public Response handle(Request request, Next next) throws Exception {
    if (allowAny) {
      return next.proceed(request);
    }
    String hostHeader = request.header("host").orElse("");
    String host = hostHeader.split(":", -1)[0];
    boolean wwwTwin = false;
    for (String pattern : allowedHosts) {
      if (host.equals(pattern)
          || (pattern.startsWith("*") && host.endsWith(pattern.substring(1)))) {
        return next.proceed(request);
      }
      if (pattern.equals("www." + host)) {
        wwwTwin = true;
      }
    }
    if (wwwTwin && wwwRedirect) {
      String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
      return Response.redirect(
          request.scheme() + "://www." + hostHeader + request.rawPath() + query);
    }
    return Response.text("Invalid host header").status(400);
  }
}
