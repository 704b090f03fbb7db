package dev.snel.netty;

import java.time.Duration;

/**
 * How the server listens and what it tolerates. Start from {@link #defaults()} and change what you
 * need: {@code ServerConfig.defaults().port(0).maxBodySize(10 << 20)}.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 * @param maxRequestLineLength the longest request line accepted (longer: 414)
 * @param maxHeaderSize the most bytes of headers accepted (more: 431)
 * @param maxBodySize the largest request body accepted, in bytes (larger: 413)
 * @param requestTimeout how long a client may take to send one whole request once it started
 *     (longer: 408 and the connection is closed); what stops slow-loris clients
 * @param idleTimeout how long a keep-alive connection may sit idle between requests
 * @param shutdownTimeout how long a graceful stop waits for requests in flight
 * @param ioThreads the number of I/O threads serving connections (one more accepts them); 0 means
 *     one per available processor
 * @param maxPipelinedRequests the most requests one connection may have read but not yet answered;
 *     a client pipelining more gets answers to that many, the last with {@code Connection: close},
 *     and the rest are neither executed nor answered
 * @param writeBufferSize how many bytes of responses may wait to be sent on one connection before
 *     the server stops writing and reading there until the client has read them; with {@code
 *     maxPipelinedRequests}, what bounds the memory a client that does not read can cost
 * @param maxUploadSize the largest {@code multipart/form-data} body accepted, in bytes (larger:
 *     413); such a body is streamed to the handler and spooled to temporary files, never held in
 *     memory whole, so this limit is independent of {@code maxBodySize}
 * @param maxWebSocketMessageSize the largest WebSocket message accepted, in bytes, whole or in
 *     fragments (larger: the connection is closed with 1009)
 * @param webSocketIdleTimeout how long a WebSocket may receive nothing: after half of it the server
 *     pings (browsers answer), after all of it it closes with 1001; also how long a send waits for
 *     a client that reads nothing before the connection is dropped
 * @param offloadHandlers whether every handler runs on a virtual thread of the JDK's default
 *     scheduler, as if each route were {@link dev.snel.Offload @Offload}; by default (false) a
 *     handler runs on a virtual thread carried by its connection's event loop, which is faster but
 *     must not compute for long or do file I/O (see {@code docs/concurrency.md})
 */
public record ServerConfig(
    String host,
    int port,
    int maxRequestLineLength,
    int maxHeaderSize,
    int maxBodySize,
    Duration requestTimeout,
    Duration idleTimeout,
    Duration shutdownTimeout,
    int ioThreads,
    int maxPipelinedRequests,
    int writeBufferSize,
    long maxUploadSize,
    int maxWebSocketMessageSize,
    Duration webSocketIdleTimeout,
    boolean offloadHandlers) {

  /** Checks the limits: a zero or negative limit would refuse everything or nothing. */
  public ServerConfig {
    positive("maxRequestLineLength", maxRequestLineLength);
    positive("maxHeaderSize", maxHeaderSize);
    positive("maxBodySize", maxBodySize);
    positive("maxPipelinedRequests", maxPipelinedRequests);
    positive("writeBufferSize", writeBufferSize);
    if (maxUploadSize <= 0) {
      throw new IllegalArgumentException("maxUploadSize must be positive, was " + maxUploadSize);
    }
    positive("maxWebSocketMessageSize", maxWebSocketMessageSize);
    if (webSocketIdleTimeout.toMillis() < 2) {
      throw new IllegalArgumentException("webSocketIdleTimeout must be at least 2 ms");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /**
   * 127.0.0.1:8000 like uvicorn; 8 KiB request line, 16 KiB of headers, 1 MiB body; 30 s to send a
   * request, 60 s idle keep-alive, 30 s to finish requests at shutdown; 1,024 pipelined requests
   * and 64 KiB of unsent responses per connection; 100 MiB per upload (multipart body): room for
   * the documents, scans and recordings an app indexes, while one request cannot fill the temporary
   * directory or hold a connection for long; raise it for larger files; 1 MiB WebSocket messages,
   * 60 s WebSocket idle timeout; handlers on virtual threads of the connections' event loops.
   */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8000,
        8192,
        16384,
        1 << 20,
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        0,
        1024,
        64 * 1024,
        100L << 20,
        1 << 20,
        Duration.ofSeconds(60),
        false);
  }

  /**
   * The defaults, with host and port from the environment variables {@code HOST} and {@code PORT}
   * when set.
   */
  public static ServerConfig fromEnvironment() {
    ServerConfig config = defaults();
    String host = System.getenv("HOST");
    String port = System.getenv("PORT");
    if (host != null && !host.isBlank()) {
      config = config.host(host.strip());
    }
    if (port != null && !port.isBlank()) {
      config = config.port(Integer.parseInt(port.strip()));
    }
    return config;
  }

  /** This config with another host. */
  public ServerConfig host(String host) {
    return with(c -> c.host = host);
  }

  /** This config with another port; 0 picks a free one. */
  public ServerConfig port(int port) {
    return with(c -> c.port = port);
  }

  /** This config with another request line limit. */
  public ServerConfig maxRequestLineLength(int bytes) {
    return with(c -> c.maxRequestLineLength = bytes);
  }

  /** This config with another header size limit. */
  public ServerConfig maxHeaderSize(int bytes) {
    return with(c -> c.maxHeaderSize = bytes);
  }

  /** This config with another body size limit. */
  public ServerConfig maxBodySize(int bytes) {
    return with(c -> c.maxBodySize = bytes);
  }

  /** This config with another request timeout. */
  public ServerConfig requestTimeout(Duration timeout) {
    return with(c -> c.requestTimeout = timeout);
  }

  /** This config with another idle timeout. */
  public ServerConfig idleTimeout(Duration timeout) {
    return with(c -> c.idleTimeout = timeout);
  }

  /** This config with another shutdown timeout. */
  public ServerConfig shutdownTimeout(Duration timeout) {
    return with(c -> c.shutdownTimeout = timeout);
  }

  /** This config with another number of I/O threads. */
  public ServerConfig ioThreads(int threads) {
    return with(c -> c.ioThreads = threads);
  }

  /** This config with another limit of pipelined requests per connection. */
  public ServerConfig maxPipelinedRequests(int requests) {
    return with(c -> c.maxPipelinedRequests = requests);
  }

  /** This config with another bound on unsent response bytes per connection. */
  public ServerConfig writeBufferSize(int bytes) {
    return with(c -> c.writeBufferSize = bytes);
  }

  /** This config with another upload (multipart body) size limit. */
  public ServerConfig maxUploadSize(long bytes) {
    return with(c -> c.maxUploadSize = bytes);
  }

  /** This config with another largest WebSocket message. */
  public ServerConfig maxWebSocketMessageSize(int bytes) {
    return with(c -> c.maxWebSocketMessageSize = bytes);
  }

  /** This config with another WebSocket idle timeout. */
  public ServerConfig webSocketIdleTimeout(Duration timeout) {
    return with(c -> c.webSocketIdleTimeout = timeout);
  }

  /**
   * This config with every handler on the JDK's default virtual-thread scheduler ({@code true}), or
   * on its connection's event loop (the default, {@code false}).
   */
  public ServerConfig offloadHandlers(boolean offload) {
    return with(c -> c.offloadHandlers = offload);
  }

  /** The members as mutable fields: each "with" method copies them, changes one, builds. */
  private static final class Copy {
    String host;
    int port;
    int maxRequestLineLength;
    int maxHeaderSize;
    int maxBodySize;
    Duration requestTimeout;
    Duration idleTimeout;
    Duration shutdownTimeout;
    int ioThreads;
    int maxPipelinedRequests;
    int writeBufferSize;
    long maxUploadSize;
    int maxWebSocketMessageSize;
    Duration webSocketIdleTimeout;
    boolean offloadHandlers;

    Copy(ServerConfig config) {
      host = config.host;
      port = config.port;
      maxRequestLineLength = config.maxRequestLineLength;
      maxHeaderSize = config.maxHeaderSize;
      maxBodySize = config.maxBodySize;
      requestTimeout = config.requestTimeout;
      idleTimeout = config.idleTimeout;
      shutdownTimeout = config.shutdownTimeout;
      ioThreads = config.ioThreads;
      maxPipelinedRequests = config.maxPipelinedRequests;
      writeBufferSize = config.writeBufferSize;
      maxUploadSize = config.maxUploadSize;
      maxWebSocketMessageSize = config.maxWebSocketMessageSize;
      webSocketIdleTimeout = config.webSocketIdleTimeout;
      offloadHandlers = config.offloadHandlers;
    }
  }

  private ServerConfig with(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new ServerConfig(
        c.host,
        c.port,
        c.maxRequestLineLength,
        c.maxHeaderSize,
        c.maxBodySize,
        c.requestTimeout,
        c.idleTimeout,
        c.shutdownTimeout,
        c.ioThreads,
        c.maxPipelinedRequests,
        c.writeBufferSize,
        c.maxUploadSize,
        c.maxWebSocketMessageSize,
        c.webSocketIdleTimeout,
        c.offloadHandlers);
  }
}
