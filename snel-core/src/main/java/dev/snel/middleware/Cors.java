package dev.snel.middleware;

import dev.snel.Middleware;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.middleware.Edits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cross-Origin Resource Sharing: Starlette's {@code CORSMiddleware}, which FastAPI documents as
 * {@code app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=True,
 * allow_methods=["*"], allow_headers=["*"])}.
 *
 * <pre>{@code
 * app.middleware(Cors.builder()
 *     .allowOrigins("http://localhost:8080", "https://example.com")
 *     .allowCredentials(true)
 *     .allowMethods("*")
 *     .allowHeaders("*")
 *     .build());
 * }</pre>
 *
 * <p>A request without an {@code Origin} header passes untouched. A preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered here, before routing, with 200 {@code OK} or
 * 400 {@code Disallowed CORS origin, method, headers} (naming what failed) as plain text. Any other
 * request with an {@code Origin} goes to the app, and its response gets the CORS headers: the
 * allowed origin echoed with {@code Vary: Origin} (or {@code *} when all origins are allowed),
 * {@code Access-Control-Allow-Credentials} and {@code Access-Control-Expose-Headers} as configured.
 * With credentials allowed the origin is always echoed, never {@code *}, which browsers refuse for
 * credentialed requests (Starlette sends {@code *} when the request has no cookie).
 *
 * <p>Immutable and thread-safe.
 */
public final class Cors implements Middleware {
  private static final List<String> ALL_METHODS =
      List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
  private static final Set<String> SAFELISTED_HEADERS =
      Set.of("Accept", "Accept-Language", "Content-Language", "Content-Type");

  private final List<String> allowOrigins;
  private final @Nullable Pattern allowOriginRegex;
  private final List<String> allowMethods;
  private final Set<String> allowHeadersLower = new java.util.HashSet<>();
  private final boolean allowAllOrigins;
  private final boolean allowAllHeaders;
  private final boolean explicitOrigin;
  private final Map<String, String> simpleHeaders = new LinkedHashMap<>();
  private final Map<String, String> preflightHeaders = new LinkedHashMap<>();

  private Cors(Builder builder) {
    allowMethods =
        builder.allowMethods.contains("*") ? ALL_METHODS : List.copyOf(builder.allowMethods);
    allowOrigins = List.copyOf(builder.allowOrigins);
    allowOriginRegex = builder.allowOriginRegex;
    allowAllOrigins = allowOrigins.contains("*");
    allowAllHeaders = builder.allowHeaders.contains("*");
    boolean credentials = builder.allowCredentials;
    explicitOrigin = !allowAllOrigins || credentials;

    if (allowAllOrigins && !credentials) {
      simpleHeaders.put("access-control-allow-origin", "*");
    }
    if (credentials) {
      simpleHeaders.put("access-control-allow-credentials", "true");
    }
    if (!builder.exposeHeaders.isEmpty()) {
      simpleHeaders.put("access-control-expose-headers", String.join(", ", builder.exposeHeaders));
    }

    if (explicitOrigin) {
      preflightHeaders.put("vary", "Origin");
    } else {
      preflightHeaders.put("access-control-allow-origin", "*");
    }
    preflightHeaders.put("access-control-allow-methods", String.join(", ", allowMethods));
    preflightHeaders.put("access-control-max-age", Long.toString(builder.maxAge.toSeconds()));
    Set<String> headers = new TreeSet<>(SAFELISTED_HEADERS);
    headers.addAll(builder.allowHeaders);
    if (!allowAllHeaders) {
      preflightHeaders.put("access-control-allow-headers", String.join(", ", headers));
    }
    if (credentials) {
      preflightHeaders.put("access-control-allow-credentials", "true");
    }
    headers.forEach(header -> allowHeadersLower.add(header.toLowerCase(Locale.ROOT)));
  }

  /** Starts a CORS policy with Starlette's defaults: no origin allowed, only {@code GET}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Response handle(Request request, Next next) throws Exception {
    String origin = request.header("origin").orElse(null);
    if (origin == null) {
      return next.proceed(request);
    }
    if (request.method().equals("OPTIONS")
        && request.headers().contains("access-control-request-method")) {
      return preflight(request, origin);
    }
    Response answer = Edits.copy(next.proceed(request));
    simpleHeaders.forEach(answer::header);
    if (allowAllOrigins && (explicitOrigin || request.headers().contains("cookie"))) {
      allowExplicitly(answer, origin);
    } else if (!allowAllOrigins && isAllowed(origin)) {
      allowExplicitly(answer, origin);
    }
    return answer;
  }

  private boolean isAllowed(String origin) {
    return allowAllOrigins
        || (allowOriginRegex != null && allowOriginRegex.matcher(origin).matches())
        || allowOrigins.contains(origin);
  }

  private static void allowExplicitly(Response response, String origin) {
    response.header("access-control-allow-origin", origin);
    Edits.addVary(response, "Origin");
  }

  private Response preflight(Request request, String origin) {
    Map<String, String> headers = new LinkedHashMap<>(preflightHeaders);
    List<String> failures = new ArrayList<>(3);
    if (isAllowed(origin)) {
      if (explicitOrigin) {
        headers.put("access-control-allow-origin", origin);
      }
    } else {
      failures.add("origin");
    }
    String method = request.header("access-control-request-method").orElse("");
    if (!allowMethods.contains(method)) {
      failures.add("method");
    }
    String requested = request.header("access-control-request-headers").orElse(null);
    if (allowAllHeaders && requested != null) {
      headers.put("access-control-allow-headers", requested);
    } else if (requested != null) {
      for (String header : requested.split(",", -1)) {
        if (!allowHeadersLower.contains(header.strip().toLowerCase(Locale.ROOT))) {
          failures.add("headers");
          break;
        }
      }
    }
    Response response =
        failures.isEmpty()
            ? Response.text("OK")
            : Response.text("Disallowed CORS " + String.join(", ", failures)).status(400);
    headers.forEach(response::header);
    return response;
  }

  /** A CORS policy under construction; not thread-safe. */
  public static final class Builder {
    private List<String> allowOrigins = List.of();
    private @Nullable Pattern allowOriginRegex;
    private List<String> allowMethods = List.of("GET");
    private List<String> allowHeaders = List.of();
    private boolean allowCredentials;
    private List<String> exposeHeaders = List.of();
    private Duration maxAge = Duration.ofSeconds(600);

    private Builder() {}

    /**
     * Origins allowed to make cross-origin requests ({@code allow_origins}); {@code "*"} for any.
     */
    public Builder allowOrigins(String... origins) {
      this.allowOrigins = List.of(origins);
      return this;
    }

    /**
     * A regular expression an allowed origin matches as a whole ({@code allow_origin_regex}), e.g.
     * {@code https://.*\.example\.org}.
     */
    public Builder allowOriginRegex(String regex) {
      this.allowOriginRegex = Pattern.compile(regex);
      return this;
    }

    /** Methods allowed in cross-origin requests ({@code allow_methods}); {@code "*"} for all. */
    public Builder allowMethods(String... methods) {
      this.allowMethods = List.of(methods);
      return this;
    }

    /**
     * Request headers allowed beyond the CORS-safelisted ones ({@code allow_headers}); {@code "*"}
     * for any.
     */
    public Builder allowHeaders(String... headers) {
      this.allowHeaders = List.of(headers);
      return this;
    }

    /**
     * Whether cross-origin requests may carry cookies and credentials ({@code allow_credentials}).
     */
    public Builder allowCredentials(boolean allow) {
      this.allowCredentials = allow;
      return this;
    }

    /** Response headers the browser lets scripts read ({@code expose_headers}). */
    public Builder exposeHeaders(String... headers) {
      this.exposeHeaders = List.of(headers);
      return this;
    }

    /**
     * How long browsers may cache a preflight's answer ({@code max_age}, 600 seconds by default).
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /** The middleware. */
    public Cors build() {
      return new Cors(this);
    }
  }
}
