package dev.snel;

import dev.snel.internal.files.FileAnswers;
import dev.snel.internal.files.FileSource;
import dev.snel.internal.files.MediaTypes;
import dev.snel.internal.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response: status, headers and a body, either bytes or {@linkplain BodyWriter written
 * while it is sent}.
 *
 * <p>Return one from a handler for full control ({@code Response.html("<h1>Hi</h1>")}), or declare
 * a parameter of this type to set the status, headers or cookies of the response Snel makes from
 * the handler's return value, like FastAPI's {@code response: Response} parameter:
 *
 * <pre>{@code
 * @Get("/items/{id}")
 * public Item read(long id, Response response) {
 *   response.header("x-cache", "miss").cookie("seen", "1");
 *   return items.get(id);
 * }
 * }</pre>
 *
 * <p>Mutable and not thread-safe: build it on one thread, then hand it over.
 */
public final class Response {
  /** The media type of JSON responses, as FastAPI sends it. */
  public static final String JSON = "application/json";

  /** The media type of plain-text responses. */
  public static final String TEXT = "text/plain; charset=utf-8";

  /** The media type of HTML responses. */
  public static final String HTML = "text/html; charset=utf-8";

  private static final byte[] EMPTY = new byte[0];

  private int status;
  private boolean statusSet;
  private final Headers headers = Headers.create();
  private byte[] body;
  private @Nullable BodyWriter writer;
  private @Nullable Runnable afterWritten;

  private Response(int status, byte[] body, @Nullable String mediaType) {
    this.status = checkStatus(status);
    this.body = body;
    if (mediaType != null) {
      headers.add("content-type", mediaType);
    }
  }

  /** A 200 response whose body is the value encoded as JSON. */
  public static Response json(Object value) {
    return new Response(200, Json.encode(value), JSON);
  }

  /** A 200 response whose body is already-encoded JSON. */
  public static Response rawJson(byte[] json) {
    return new Response(200, json, JSON);
  }

  /** A 200 {@code text/plain} response. */
  public static Response text(String text) {
    return new Response(200, text.getBytes(StandardCharsets.UTF_8), TEXT);
  }

  /** A 200 {@code text/html} response. */
  public static Response html(String html) {
    return new Response(200, html.getBytes(StandardCharsets.UTF_8), HTML);
  }

  /** A 200 response with raw bytes of the given media type. */
  public static Response bytes(byte[] body, String mediaType) {
    return new Response(200, body, mediaType);
  }

  /**
   * A 200 response whose body is written while it is sent, with no {@code Content-Length}: chunked
   * on HTTP/1.1, ended by closing the connection on HTTP/1.0. See {@link BodyWriter}.
   */
  public static Response stream(String mediaType, BodyWriter writer) {
    Response response = new Response(200, EMPTY, mediaType);
    response.writer = writer;
    return response;
  }

  /**
   * A 200 response streaming the input's bytes as they are read; the input is closed when the
   * response has been written, or could not be.
   */
  public static Response stream(InputStream in, String mediaType) {
    return stream(
            mediaType,
            out -> {
              try (in) {
                in.transferTo(out);
              }
            })
        .afterWritten(() -> closeQuietly(in));
  }

  /**
   * A 200 response sending each chunk as soon as the stream yields it, like Starlette's {@code
   * StreamingResponse} over a generator: a chunk is a {@code byte[]} or text (sent as UTF-8). The
   * stream is closed when the response has been written, or could not be, so its {@code onClose}
   * work (a database cursor, a model's session) always runs.
   */
  public static Response stream(Stream<?> chunks, String mediaType) {
    return stream(
            mediaType,
            out -> {
              try (chunks) {
                Iterator<?> each = chunks.iterator();
                while (each.hasNext()) {
                  Object chunk = each.next();
                  out.write(
                      chunk instanceof byte[] bytes
                          ? bytes
                          : chunk.toString().getBytes(StandardCharsets.UTF_8));
                  out.flush();
                }
              }
            })
        .afterWritten(chunks::close);
  }

  /**
   * A 200 response sending a file, Starlette's {@code FileResponse}: the content type from the
   * file's name, and, once the request is known, {@code Content-Length}, {@code Last-Modified},
   * {@code ETag} and {@code Accept-Ranges} from the file. A GET or HEAD whose {@code If-None-Match}
   * or {@code If-Modified-Since} shows the client's copy is current gets 304; a {@code Range} gets
   * 206 with those bytes ({@code multipart/byteranges} for several ranges), or 416 when no range is
   * in the file; {@code If-Range} is honoured. Headers set on the response win over the file's.
   *
   * <pre>{@code
   * @Get("/report")
   * public Response report() {
   *   return Response.file(Path.of("reports/latest.pdf"));
   * }
   * }</pre>
   *
   * <p>The file is read when the response is sent, never into memory: the server sends it without
   * copying it through the heap where it can. Its size and time are read when the handler's
   * response is made, on the request's thread (the I/O thread for a {@code @NonBlocking} route). A
   * missing file is a 500, as in Starlette.
   */
  public static Response file(Path path) {
    return file(path, null, null);
  }

  /** A 200 response sending a file as the given media type; see {@link #file(Path)}. */
  public static Response file(Path path, String mediaType) {
    return file(path, mediaType, null);
  }

  /**
   * A 200 response sending a file as a download: {@code Content-Disposition: attachment} with the
   * filename (RFC 6266's {@code filename*} for names that are not plain ASCII), the content type
   * from the media type if given, else from the filename. For {@code inline}, set the header after:
   * {@code .header("content-disposition", ...)}. See {@link #file(Path)}.
   */
  public static Response file(Path path, @Nullable String mediaType, @Nullable String filename) {
    String type =
        mediaType != null
            ? MediaTypes.withCharset(mediaType)
            : MediaTypes.forName(filename != null ? filename : path.toString());
    Response response = stream(type, new FileSource(path));
    if (filename != null) {
      response.headers.add(
          "content-disposition", FileAnswers.contentDisposition("attachment", filename));
    }
    return response;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closed after the response: nothing is left to tell
    }
  }

  /** A 307 Temporary Redirect to the URL, which keeps the method, like Starlette's default. */
  public static Response redirect(String url) {
    return redirect(url, 307);
  }

  /** A redirect with the given 3xx status. */
  public static Response redirect(String url, int status) {
    Response response = new Response(status, EMPTY, null);
    response.headers.add("location", url);
    return response;
  }

  /** A response with a status and no body, e.g. {@code Response.empty(204)}. */
  public static Response empty(int status) {
    return new Response(status, EMPTY, null);
  }

  /** Sets the status code, from 100 to 999. */
  public Response status(int status) {
    this.status = checkStatus(status);
    this.statusSet = true;
    return this;
  }

  /** Sets a header, replacing its earlier values. */
  public Response header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  /**
   * Adds a {@code Set-Cookie} header with Starlette's defaults: {@code Path=/} and {@code
   * SameSite=lax}. For other attributes, add a {@code set-cookie} header through {@link
   * #headers()}.
   */
  public Response cookie(String name, String value) {
    headers.add(
        "set-cookie", cookieName(name) + "=" + cookieValue(value) + "; Path=/; SameSite=lax");
    return this;
  }

  /** Python's {@code http.cookies} (which Starlette uses): a name of legal characters only. */
  private static String cookieName(String name) {
    if (name.isEmpty() || !name.chars().allMatch(Response::legalInCookie)) {
      throw new IllegalArgumentException("illegal cookie name: " + name);
    }
    return name;
  }

  /**
   * Python's {@code http.cookies} quoting: a value with other than legal characters is sent in
   * double quotes, with {@code "} and {@code \} escaped by a backslash and other unsafe characters
   * (separators, controls, 8-bit) as octal escapes, so no value can end the cookie or the header
   * early.
   */
  private static String cookieValue(String value) {
    if (value.chars().allMatch(Response::legalInCookie)) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c > 0xFF) {
        throw new IllegalArgumentException("cookie value is not Latin-1: " + value);
      } else if (legalInCookie(c) || " ()/<=>?@[]{}".indexOf(c) >= 0) {
        quoted.append(c);
      } else {
        quoted.append('\\').append(String.format("%03o", (int) c));
      }
    }
    return quoted.append('"').toString();
  }

  /** Python's legal cookie characters: the token characters and the colon. */
  private static boolean legalInCookie(int c) {
    return c == ':' || Headers.isTokenChar(c);
  }

  /** A status line holds three digits (RFC 9110 §15), so nothing else can be sent. */
  private static int checkStatus(int status) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status codes have three digits, not " + status);
    }
    return status;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The headers; changes to them change the response. */
  public Headers headers() {
    return headers;
  }

  /** The body bytes; empty for a {@linkplain #bodyWriter() streamed} body. */
  public byte[] body() {
    return body;
  }

  /** The writer of a body written while it is sent, or null when the body is {@link #body()}. */
  public @Nullable BodyWriter bodyWriter() {
    return writer;
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Replaces the body; the content type stays as it is. */
  public Response body(byte[] body) {
    this.body = body;
    this.writer = null;
    return this;
  }

  /**
   * Replaces the body with one written while it is sent; the content type stays as it is, and a
   * {@code Content-Length} header, if any, must match what the writer writes.
   */
  public Response body(BodyWriter writer) {
    this.body = EMPTY;
    this.writer = writer;
    return this;
  }

  /**
   * Copies this response's status (only if set through {@link #status(int)}), headers and cookies
   * onto another response; this is how an injected response shapes the one made from a handler's
   * return value.
   */
  public Response applyTo(Response target) {
    if (statusSet) {
      target.status = status;
    }
    headers.forEach(target.headers::add);
    return target;
  }

  /**
   * A response with the same status, headers and body (the same writer, for a streamed body), and
   * no work after it is written: what the framework changes, it changes on a copy, since a handler
   * may return one response every time.
   */
  public Response copy() {
    Response copy = new Response(status, body, null);
    copy.writer = writer;
    copy.statusSet = statusSet;
    headers.forEach(copy.headers::add);
    return copy;
  }

  /**
   * Work to run once this response has been written to the client (or its connection has failed):
   * Starlette's {@code Response(background=...)}. Snel attaches a request's {@link BackgroundTasks}
   * here; added work runs after any attached before.
   */
  public Response afterWritten(Runnable work) {
    Runnable before = afterWritten;
    afterWritten =
        before == null
            ? work
            : () -> {
              before.run();
              work.run();
            };
    return this;
  }

  /**
   * Whether {@link #written()} has work to run: a server need not learn when a response without any
   * has reached the client. For servers, not for handlers.
   */
  public boolean hasWorkAfterWritten() {
    return afterWritten != null;
  }

  /**
   * Tells the response that it has been written, or that it never will be (the connection failed):
   * runs its {@linkplain #afterWritten(Runnable) work after writing}, once. Called by the server
   * adapter (and the TestClient) after the last byte; not for handlers.
   */
  public void written() {
    Runnable work = afterWritten;
    afterWritten = null;
    if (work != null) {
      work.run();
    }
  }

  @Override
  public String toString() {
    return "Response " + status + " " + headers;
  }
}
