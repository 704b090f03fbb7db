package dev.snel;

import dev.snel.internal.http.Cookies;
import dev.snel.internal.http.QueryString;
import dev.snel.internal.http.UriDecoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as a handler sees it: method, decoded path, query, headers, cookies, body.
 *
 * <p>Declare a parameter of this type to receive the raw request. Servers and the {@link
 * dev.snel.testing.TestClient} build instances with {@link #builder(String, String)}. A request is
 * immutable once built (but for a streamed body, read once), and safe to read from any thread; the
 * query and cookies are parsed on first use.
 */
public final class Request {
  private final String method;
  private final String target;
  private final String rawPath;
  private final String rawQuery;
  private final Headers headers;
  private byte[] body;
  private @Nullable InputStream bodyStream;
  private final int maxStreamedBody;
  private final String scheme;
  private final @Nullable InetSocketAddress remoteAddress;
  private @Nullable String id;
  private @Nullable String path;
  private QueryString.@Nullable Fields queryFields;
  private @Nullable Map<String, List<String>> query;
  private @Nullable Map<String, String> cookies;

  private Request(Builder builder) {
    this.method = builder.method;
    this.target = builder.target;
    int question = target.indexOf('?');
    this.rawPath = question < 0 ? target : target.substring(0, question);
    this.rawQuery = question < 0 ? "" : target.substring(question + 1);
    this.headers = builder.headers;
    this.body = builder.body;
    this.bodyStream = builder.bodyStream;
    this.maxStreamedBody = builder.maxStreamedBody;
    this.scheme = builder.scheme;
    this.remoteAddress = builder.remoteAddress;
  }

  /** Starts a request for a method and a request target ({@code /path?query}, undecoded). */
  public static Builder builder(String method, String target) {
    return new Builder(method, target);
  }

  /** The method, upper case, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The path, percent-decoded, e.g. {@code /thing/hello world}. */
  public String path() {
    String decoded = path;
    if (decoded == null) {
      decoded = UriDecoding.decodePath(rawPath);
      path = decoded;
    }
    return decoded;
  }

  /** The path as sent, not decoded. */
  public String rawPath() {
    return rawPath;
  }

  /** The query string as sent, without the {@code ?}; empty if none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The request target as sent: the raw path and, if any, {@code ?} and the query. */
  public String target() {
    return target;
  }

  /** The last value of a query parameter (as FastAPI takes it), decoded. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(queryFields().last(name));
  }

  /** Every value of a query parameter, in order; empty if none. */
  public List<String> queryAll(String name) {
    return queryFields().all(name);
  }

  /** All query parameters, decoded, in order of first appearance. */
  public Map<String, List<String>> queryParams() {
    Map<String, List<String>> map = query;
    if (map == null) {
      map = queryFields().asMap();
      query = map;
    }
    return map;
  }

  private QueryString.Fields queryFields() {
    QueryString.Fields fields = queryFields;
    if (fields == null) {
      fields = QueryString.fields(rawQuery);
      queryFields = fields;
    }
    return fields;
  }

  /** The request headers. */
  public Headers headers() {
    return headers;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** A cookie's value, if the request carries it. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies().get(name));
  }

  /** All cookies of the request's {@code Cookie} headers. */
  public Map<String, String> cookies() {
    Map<String, String> parsed = cookies;
    if (parsed == null) {
      parsed = Cookies.parse(headers.all("cookie"));
      cookies = parsed;
    }
    return parsed;
  }

  /**
   * The body bytes; empty if the request had none. A body the server streams (a {@code
   * multipart/form-data} upload) is read whole on first call, and like any body held in memory it
   * may not be larger than the server's body limit (else an {@link HttpException} 413); once {@link
   * #bodyStream()} was taken, only what that stream has not read is left.
   */
  public synchronized byte[] body() {
    InputStream stream = bodyStream;
    if (stream != null && !(stream instanceof ByteArrayInputStream)) {
      bodyStream = null;
      try (stream) {
        body = stream.readNBytes(maxStreamedBody + 1);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the request body failed", e);
      }
      if (body.length > maxStreamedBody) {
        body = new byte[0];
        throw new HttpException(413, "Request body is larger than " + maxStreamedBody + " bytes");
      }
    }
    return body;
  }

  /**
   * The body as a stream, for reading it as it arrives (Starlette's {@code request.stream()}): for
   * a body the server streams, the bytes still coming from the client; else a stream over {@link
   * #body()}. There is one stream per request; the same is returned each time.
   */
  public synchronized InputStream bodyStream() {
    InputStream stream = bodyStream;
    if (stream == null) {
      stream = new ByteArrayInputStream(body);
      bodyStream = stream;
    }
    return stream;
  }

  /**
   * This request's id, for logs and for matching a client's report to them: the request's {@code
   * x-request-id} if it is at most 128 printable ASCII characters, else one Snel makes up (a
   * client's id that could forge log lines or bloat every response is never used).
   */
  public synchronized String id() {
    String known = id;
    if (known == null) {
      known =
          header("x-request-id")
              .filter(DefaultExceptionHandlers::isSafeRequestId)
              .orElseGet(() -> Long.toHexString(ThreadLocalRandom.current().nextLong()));
      id = known;
    }
    return known;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  /** The client's address, when the request came over a socket. */
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  /**
   * The absolute base URL the client used, from the scheme and the {@code Host} header, e.g. {@code
   * http://127.0.0.1:8000}.
   */
  public String baseUrl() {
    return scheme + "://" + header("host").orElse("localhost");
  }

  @Override
  public String toString() {
    return method + " " + target;
  }

  /** Builds a {@link Request}; used by servers and test clients. */
  public static final class Builder {
    private final String method;
    private final String target;
    private Headers headers = Headers.create();
    private byte[] body = new byte[0];
    private @Nullable InputStream bodyStream;
    private int maxStreamedBody;
    private String scheme = "http";
    private @Nullable InetSocketAddress remoteAddress;

    private Builder(String method, String target) {
      this.method = method;
      this.target = target.isEmpty() ? "/" : target;
    }

    /** Sets all headers at once, replacing any added before. */
    public Builder headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    /** Adds one header. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Sets the body bytes. */
    public Builder body(byte[] body) {
      this.body = body;
      return this;
    }

    /**
     * Sets a body that arrives while the request runs (a server streaming an upload); {@link
     * Request#body()} then reads it whole on first use, up to {@code maxBodySize} bytes (the limit
     * of a body held in memory; larger is a 413).
     */
    public Builder bodyStream(InputStream stream, int maxBodySize) {
      this.bodyStream = stream;
      this.maxStreamedBody = maxBodySize;
      return this;
    }

    /** Sets the scheme, {@code http} (the default) or {@code https}. */
    public Builder scheme(String scheme) {
      this.scheme = scheme;
      return this;
    }

    /** Sets the client's address. */
    public Builder remoteAddress(InetSocketAddress remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    /** The request. */
    public Request build() {
      return new Request(this);
    }
  }
}
