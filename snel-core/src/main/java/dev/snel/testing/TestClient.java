package dev.snel.testing;

import dev.snel.BodyWriter;
import dev.snel.Headers;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** How much of a streamed body waits in process for the test to read it. */
  private static final int PIPE_SIZE = 64 * 1024;

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

  /** The multipart boundary the client sends; random-looking as httpx's, fixed for tests. */
  private static final String BOUNDARY = "snel-test-boundary-8c1f4a7e2d";

  /** A name or file name inside a quoted Content-Disposition parameter, as browsers escape it. */
  private static String quoted(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static byte[] closed(ByteArrayOutputStream parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream(parts.size() + 64);
    all.writeBytes(parts.toByteArray());
    all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  /** One request being built. Not thread-safe. */
  public final class Call {
    private final String method;
    private final String target;
    private final Headers headers = Headers.create();
    private final Map<String, String> ownCookies = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private @Nullable ByteArrayOutputStream multipart;

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

    /**
     * Adds a text field to a {@code multipart/form-data} body (Starlette's {@code data=} beside
     * {@code files=}); the body is sent as multipart once a field or file is added.
     */
    public Call field(String name, String value) {
      return part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a file to a {@code multipart/form-data} body (Starlette's {@code files=}); call it again
     * with the same field name to send several files in one field.
     */
    public Call file(String field, String filename, String contentType, byte[] content) {
      return part(field, filename, contentType, content);
    }

    private Call part(
        String name, @Nullable String filename, @Nullable String contentType, byte[] content) {
      if (multipart == null) {
        multipart = new ByteArrayOutputStream();
      }
      StringBuilder head = new StringBuilder("--").append(BOUNDARY).append("\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"');
      if (filename != null) {
        head.append("; filename=\"").append(quoted(filename)).append('"');
      }
      head.append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("\r\n");
      multipart.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      multipart.writeBytes(content);
      multipart.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      headers.set("content-type", "multipart/form-data; boundary=" + BOUNDARY);
      body = closed(multipart);
      return this;
    }

    /** Sends the request and waits for the response. */
    public TestResponse send() {
      String path = path();
      Headers sent = headersFor(path);
      TestResponse response = app != null ? sendInProcess(sent) : sendOverHttp(sent);
      cookies.update(path, response.headers("set-cookie"));
      return response;
    }

    /**
     * Sends the request and returns once the response's status and headers are there, with a body
     * to read as it arrives (Starlette's {@code client.stream(...)}); see {@link TestStream}.
     * In-process, a streamed body is written on a virtual thread of its own into a bounded pipe, so
     * the writer waits for the test to read, as it waits for a client over a socket.
     */
    public TestStream stream() {
      String path = path();
      Headers sent = headersFor(path);
      TestStream stream = app != null ? streamInProcess(sent) : streamOverHttp(sent);
      cookies.update(path, stream.headers("set-cookie"));
      return stream;
    }

    private String path() {
      return app != null ? pathOf(target) : remoteBase().resolve(target).getRawPath();
    }

    private Headers headersFor(String path) {
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
      return sent;
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

    private Request inProcessRequest(Headers headers) {
      Headers all = Headers.create();
      if (!headers.contains("host")) {
        all.add("host", "testserver");
      }
      all.addAll(headers);
      if (body.length > 0 && !headers.contains("content-length")) {
        all.add("content-length", Integer.toString(body.length));
      }
      return Request.builder(method, target).headers(all).body(body).build();
    }

    private Response answer(Request request) {
      try {
        return localApp().handle(request).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + request, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("no response to " + request, e);
      }
    }

    private TestStream streamInProcess(Headers headers) {
      Response response = answer(inProcessRequest(headers));
      BodyWriter writer = response.bodyWriter();
      if (writer == null || method.equals("HEAD")) {
        byte[] bytes = method.equals("HEAD") ? new byte[0] : response.body();
        return new TestStream(
            response.status(),
            response.headers(),
            new ByteArrayInputStream(bytes),
            () -> {
              response.written();
              localApp().awaitBackgroundTasks(TIMEOUT);
            });
      }
      Pipe pipe = new Pipe(PIPE_SIZE);
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread thread =
          Thread.ofVirtual()
              .name("testclient-stream")
              .start(
                  () -> {
                    IOException failed = null;
                    try {
                      writer.writeTo(pipe.out);
                    } catch (Exception e) {
                      failed = new IOException("the streamed body failed: " + e, e);
                    } finally {
                      synchronized (writing) {
                        writing.set(false);
                      }
                      boolean unused = Thread.interrupted();
                      pipe.end(failed);
                      response.written();
                    }
                  });
      return new TestStream(
          response.status(),
          response.headers(),
          pipe.in,
          () -> {
            // as a server does when its client goes away: writes throw, the writer is interrupted
            pipe.abandon();
            synchronized (writing) {
              if (writing.get()) {
                thread.interrupt();
              }
            }
            try {
              if (!thread.join(TIMEOUT)) {
                throw new IllegalStateException("the streamed body's writer did not stop");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted while the writer stopped", e);
            }
            localApp().awaitBackgroundTasks(TIMEOUT);
          });
    }

    private TestStream streamOverHttp(Headers headers) {
      try {
        HttpResponse<InputStream> response =
            httpClient().send(httpRequest(headers), HttpResponse.BodyHandlers.ofInputStream());
        InputStream in = response.body();
        return new TestStream(
            response.statusCode(),
            headersOf(response),
            in,
            () -> {
              try {
                in.close();
              } catch (IOException e) {
                // the body is abandoned either way
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while waiting for " + method + " " + target, e);
      }
    }

    private TestResponse sendInProcess(Headers headers) {
      Response response = answer(inProcessRequest(headers));
      boolean head = method.equals("HEAD");
      byte[] received = head ? new byte[0] : bodyOf(response);
      // as Starlette's client: the call returns once the request's background tasks are done
      response.written();
      localApp().awaitBackgroundTasks(TIMEOUT);
      if (head) { // as a server sends it: the GET's length, no body
        Headers sent = Headers.create().addAll(response.headers());
        if (!sent.contains("content-length") && response.bodyWriter() == null) {
          sent.add("content-length", Integer.toString(response.body().length));
        }
        return new TestResponse(response.status(), sent, received);
      }
      return new TestResponse(response.status(), response.headers(), received);
    }

    /**
     * The body; a streamed one written here, on the test's thread. A writer that fails is thrown to
     * the test, as Starlette's client raises the app's exceptions.
     */
    private static byte[] bodyOf(Response response) {
      BodyWriter writer = response.bodyWriter();
      if (writer == null) {
        return response.body();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        writer.writeTo(out);
      } catch (Exception e) {
        response.written();
        throw new IllegalStateException(
            "the streamed body failed after " + out.size() + " bytes: " + e, e);
      }
      return out.toByteArray();
    }

    private HttpRequest httpRequest(Headers headers) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(remoteBase().resolve(target))
              .timeout(TIMEOUT)
              .method(
                  method,
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(builder::header);
      return builder.build();
    }

    private static Headers headersOf(HttpResponse<?> response) {
      Headers received = Headers.create();
      response
          .headers()
          .map()
          .forEach((name, values) -> values.forEach(v -> received.add(name, v)));
      return received;
    }

    private TestResponse sendOverHttp(Headers headers) {
      try {
        HttpResponse<byte[]> response =
            httpClient().send(httpRequest(headers), HttpResponse.BodyHandlers.ofByteArray());
        return new TestResponse(response.statusCode(), headersOf(response), response.body());
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
