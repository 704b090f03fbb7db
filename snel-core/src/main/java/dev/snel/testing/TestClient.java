package dev.snel.testing;

import dev.snel.Headers;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Sends requests to a Snel app, like FastAPI's {@code TestClient}: in-process through the same
 * request pipeline a server uses, with no socket ({@link #of(Snel)}), or over HTTP to a running
 * server ({@link #of(URI)}), with the same API, so one test can check both.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(app);
 * TestResponse response = client.get("/items/5?q=x");
 * assertThat(response.status()).isEqualTo(200);
 * assertThat(response.json().get("item_id").asInt()).isEqualTo(5);
 * }</pre>
 *
 * <p>Like Starlette's client, it keeps cookies: those the app sets with {@code Set-Cookie}, and
 * those set with {@link #cookie(String, String)}, are sent on the next requests; {@link
 * Call#cookie(String, String)} adds one to a single request.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(app).cookie("session", "abc");
 * client.get("/items");                                    // Cookie: session=abc
 * client.request("GET", "/items").cookie("ads", "0").send(); // Cookie: session=abc; ads=0
 * }</pre>
 *
 * <p>Thread-safe. In-process requests carry {@code Host: testserver}, as Starlette's do.
 */
public final class TestClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final @Nullable Snel app;
  private final @Nullable URI baseUri;
  private final @Nullable HttpClient http;
  private final CookieJar cookies = new CookieJar();
  private final boolean ownsLifespan;

  private TestClient(@Nullable Snel app, @Nullable URI baseUri, boolean ownsLifespan) {
    this.app = app;
    this.ownsLifespan = ownsLifespan;
    this.baseUri = baseUri;
    this.http = baseUri == null ? null : HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  // exactly one of app and baseUri is set; http goes with baseUri
  private Snel localApp() {
    return Objects.requireNonNull(app, "not an in-process client");
  }

  private URI remoteBase() {
    return Objects.requireNonNull(baseUri, "not a client of a server");
  }

  private HttpClient httpClient() {
    return Objects.requireNonNull(http, "not a client of a server");
  }

  /** A client that calls the app in-process, without starting it (no lifespan). */
  public static TestClient of(Snel app) {
    return new TestClient(app, null, false);
  }

  /**
   * A client that starts the app ({@link Snel#start()}: lifespans, startup hooks) and stops it when
   * closed: Starlette's {@code with TestClient(app) as client:}.
   *
   * <pre>{@code
   * try (TestClient client = TestClient.withLifespan(app)) {
   *   client.get("/");
   * }   // the app's shutdown hooks and teardowns have run
   * }</pre>
   */
  public static TestClient withLifespan(Snel app) {
    app.start();
    return new TestClient(app, null, true);
  }

  /** Stops the app if this client started it ({@link #withLifespan(Snel)}); else does nothing. */
  @Override
  public void close() {
    if (ownsLifespan) {
      localApp().close();
    }
  }

  /**
   * A client that sends real HTTP requests to a server at the base URI, e.g. {@code
   * http://127.0.0.1:8000}.
   */
  public static TestClient of(URI baseUri) {
    return new TestClient(null, baseUri, false);
  }

  /** Parses JSON text, for comparing with {@link TestResponse#json()}. */
  public static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }

  /**
   * Sets a cookie that every later request sends (path {@code /}), replacing one of the same name;
   * Starlette's {@code client.cookies.set(name, value)}, or {@code TestClient(app, cookies=...)}.
   * Returns this client.
   */
  public TestClient cookie(String name, String value) {
    cookies.remove(name);
    cookies.set(name, value);
    return this;
  }

  /**
   * The cookies the client holds now, name to value: set with {@link #cookie(String, String)} or by
   * the app's {@code Set-Cookie} headers. A copy; changing it changes nothing.
   */
  public Map<String, String> cookies() {
    return cookies.snapshot();
  }

  /** Forgets a cookie, whatever its path. Returns this client. */
  public TestClient removeCookie(String name) {
    cookies.remove(name);
    return this;
  }

  /** Forgets every cookie. Returns this client. */
  public TestClient clearCookies() {
    cookies.clear();
    return this;
  }

  /** GET the target ({@code /path?query}). */
  public TestResponse get(String target) {
    return request("GET", target).send();
  }

  /** HEAD the target. */
  public TestResponse head(String target) {
    return request("HEAD", target).send();
  }

  /** DELETE the target. */
  public TestResponse delete(String target) {
    return request("DELETE", target).send();
  }

  /** POST a value encoded as JSON. */
  public TestResponse post(String target, Object json) {
    return request("POST", target).json(json).send();
  }

  /** PUT a value encoded as JSON. */
  public TestResponse put(String target, Object json) {
    return request("PUT", target).json(json).send();
  }

  /** PATCH a value encoded as JSON. */
  public TestResponse patch(String target, Object json) {
    return request("PATCH", target).json(json).send();
  }

  /**
   * Opens a WebSocket to the target ({@code /path?query}), in-process or to the server, with the
   * client's cookies: Starlette's {@code client.websocket_connect(url)}. For headers or
   * subprotocols ({@code sec-websocket-protocol}), use {@code request("GET",
   * target).header(...).webSocket()}.
   *
   * @throws WebSocketRefused if the app answers the handshake with an HTTP status instead
   */
  public TestWebSocket webSocket(String target) {
    return request("GET", target).webSocket();
  }

  /** Starts a request with any method; add headers and a body, then {@link Call#send()}. */
  public Call request(String method, String target) {
    return new Call(method, target);
  }

  /** One request being built. Not thread-safe. */
  public final class Call {
    private final String method;
    private final String target;
    private final Headers headers = Headers.create();
    private final Map<String, String> ownCookies = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private Call(String method, String target) {
      this.method = method;
      this.target = target;
    }

    /** Adds a header. */
    public Call header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /**
     * Sends a cookie with this request only, over any the client holds of the same name;
     * Starlette's {@code cookies=} argument of a request. A {@code cookie} header set with {@link
     * #header(String, String)} replaces all cookies, as with httpx.
     */
    public Call cookie(String name, String value) {
      ownCookies.put(name, value);
      return this;
    }

    /** Sets the body to the value encoded as JSON, with {@code content-type: application/json}. */
    public Call json(Object value) {
      headers.set("content-type", Response.JSON);
      body = Json.encode(value);
      return this;
    }

    /** Sets the body bytes and their content type. */
    public Call body(byte[] bytes, String contentType) {
      headers.set("content-type", contentType);
      body = bytes;
      return this;
    }

    /** Sends the request and waits for the response. */
    public TestResponse send() {
      String path = app != null ? pathOf(target) : remoteBase().resolve(target).getRawPath();
      Headers sent = Headers.create();
      sent.addAll(headers);
      if (!headers.contains("cookie")) {
        String cookie =
            cookies.header(
                path, app == null && "https".equals(remoteBase().getScheme()), ownCookies);
        if (!cookie.isEmpty()) {
          sent.add("cookie", cookie);
        }
      }
      TestResponse response = app != null ? sendInProcess(sent) : sendOverHttp(sent);
      cookies.update(path, response.headers("set-cookie"));
      return response;
    }

    /**
     * Opens a WebSocket with this call's target, headers and cookies (the method and body are not
     * used); see {@link TestClient#webSocket(String)}.
     */
    public TestWebSocket webSocket() {
      String path = app != null ? pathOf(target) : remoteBase().resolve(target).getRawPath();
      Headers sent = Headers.create();
      sent.addAll(headers);
      if (!headers.contains("cookie")) {
        String cookie =
            cookies.header(
                path, app == null && "https".equals(remoteBase().getScheme()), ownCookies);
        if (!cookie.isEmpty()) {
          sent.add("cookie", cookie);
        }
      }
      if (app == null) {
        URI http = remoteBase().resolve(target);
        URI ws =
            URI.create(
                ("https".equals(http.getScheme()) ? "wss" : "ws")
                    + http.toString().substring(http.getScheme().length()));
        return RemoteWebSocket.open(httpClient(), ws, sent, TIMEOUT);
      }
      Headers all = Headers.create();
      if (!sent.contains("host")) {
        all.add("host", "testserver");
      }
      all.add("connection", "upgrade");
      all.add("upgrade", "websocket");
      all.add("sec-websocket-key", "dGVzdHNlcnZlcmtleTEyMw==");
      all.add("sec-websocket-version", "13");
      all.addAll(sent);
      return InProcessWebSocket.open(
          localApp(), Request.builder("GET", target).headers(all).build(), TIMEOUT);
    }

    private static String pathOf(String target) {
      int end = target.length();
      for (char stop : new char[] {'?', '#'}) {
        int at = target.indexOf(stop);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      return target.isEmpty() || target.charAt(0) != '/'
          ? "/" + target.substring(0, end)
          : target.substring(0, end);
    }

    private TestResponse sendInProcess(Headers headers) {
      Headers all = Headers.create();
      if (!headers.contains("host")) {
        all.add("host", "testserver");
      }
      all.addAll(headers);
      if (body.length > 0 && !headers.contains("content-length")) {
        all.add("content-length", Integer.toString(body.length));
      }
      Request request = Request.builder(method, target).headers(all).body(body).build();
      try {
        Response response = localApp().handle(request).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // as Starlette's client: the call returns once the request's background tasks are done
        response.written();
        localApp().awaitBackgroundTasks(TIMEOUT);
        if (method.equals("HEAD")) { // as a server sends it: the GET's length, no body
          Headers sent = Headers.create().addAll(response.headers());
          if (!sent.contains("content-length")) {
            sent.add("content-length", Integer.toString(response.body().length));
          }
          return new TestResponse(response.status(), sent, new byte[0]);
        }
        return new TestResponse(response.status(), response.headers(), response.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + request, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("no response to " + request, e);
      }
    }

    private TestResponse sendOverHttp(Headers headers) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(remoteBase().resolve(target))
              .timeout(TIMEOUT)
              .method(
                  method,
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(builder::header);
      try {
        HttpResponse<byte[]> response =
            httpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Headers received = Headers.create();
        response
            .headers()
            .map()
            .forEach((name, values) -> values.forEach(v -> received.add(name, v)));
        return new TestResponse(response.statusCode(), received, response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while waiting for " + method + " " + target, e);
      }
    }
  }
}
