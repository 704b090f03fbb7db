package dev.snel.netty;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket speaking raw HTTP/1.1 bytes, for requests no well-behaved client would send:
 * pipelining, limits, slow clients; shared by the server tests and the reliability suite.
 */
public final class Raw implements AutoCloseable {
  /** One parsed response; header names lower case, repeated headers joined with ", ". */
  public record Reply(int status, Map<String, String> headers, String body) {
    /** Whether the response announces that the server closes the connection. */
    public boolean closes() {
      return "close".equalsIgnoreCase(headers.get("connection"));
    }

    /** The status and the body's first 80 characters. */
    public String summary() {
      String detail = body.length() > 80 ? body.substring(0, 80) + "..." : body;
      return status + " " + detail;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private Raw(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = socket.getOutputStream();
  }

  /** Connects to the server on localhost, with a 10 s socket timeout. */
  public static Raw open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return new Raw(socket);
  }

  /** The underlying socket, for tests that reset it or read it directly. */
  public Socket socket() {
    return socket;
  }

  /** Sets the socket timeout every read waits for. */
  public Raw timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
    return this;
  }

  /** Writes the text's ISO-8859-1 bytes. */
  public Raw send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Writes the bytes as they are. */
  public Raw send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** A minimal GET request for the target. */
  public static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n";
  }

  /** A POST request for the target with a body of the content type. */
  public static String post(String target, String contentType, String body) {
    return postWith(target, "Content-Type: " + contentType + "\r\n", body);
  }

  /** A POST request for the target with extra header lines, each ending in CRLF, or none. */
  public static String postWith(String target, String headerLines, String body) {
    return "POST "
        + target
        + " HTTP/1.1\r\nHost: test\r\n"
        + headerLines
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /** Reads one response with a {@code Content-Length} body (or none). */
  public Reply read() throws IOException {
    return read(true);
  }

  /** Reads the head of a response whose body is not sent (HEAD): status line and headers. */
  public Reply readHead() throws IOException {
    return read(false);
  }

  private Reply read(boolean withBody) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not a status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IOException("not a header line: " + line);
      }
      headers.merge(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    if (!withBody || status == 100) {
      return new Reply(status, headers, "");
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("connection closed in a response body");
    }
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * A response whose body is read as it is framed: chunked, with a {@code Content-Length}, or up to
   * the connection's close.
   *
   * @param chunks the body's chunks as sent (one, for an unchunked body)
   * @param complete whether the body ended as its framing says (the last chunk, all the declared
   *     bytes, or the close of a close-delimited body)
   */
  public record Streamed(
      int status, Map<String, String> headers, List<byte[]> chunks, boolean complete) {
    /** The body's bytes. */
    public byte[] body() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      chunks.forEach(all::writeBytes);
      return all.toByteArray();
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body(), StandardCharsets.UTF_8);
    }
  }

  /** Reads one response and its body however it is framed; see {@link Streamed}. */
  public Streamed readStreamed() throws IOException {
    Reply head = readHead();
    List<byte[]> chunks = new ArrayList<>();
    if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
      while (true) {
        String size = line();
        if (size == null) {
          return new Streamed(head.status(), head.headers(), chunks, false);
        }
        int semicolon = size.indexOf(';');
        int length =
            Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (length == 0) {
          for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
            // trailers are not looked at
          }
          return new Streamed(head.status(), head.headers(), chunks, true);
        }
        byte[] chunk = in.readNBytes(length);
        chunks.add(chunk);
        if (chunk.length < length || line() == null) {
          return new Streamed(head.status(), head.headers(), chunks, false);
        }
      }
    }
    String declared = head.headers().get("content-length");
    if (declared != null) {
      int length = Integer.parseInt(declared);
      byte[] body = in.readNBytes(length);
      chunks.add(body);
      return new Streamed(head.status(), head.headers(), chunks, body.length == length);
    }
    chunks.add(in.readAllBytes());
    return new Streamed(head.status(), head.headers(), chunks, true);
  }

  /** The buffered input, for tests that read a body bit by bit. */
  public InputStream input() {
    return in;
  }

  /** The responses read until the server closed the connection, or until the socket timed out. */
  public record Replies(List<Reply> replies, boolean closed) {}

  /**
   * Reads responses until the server closes (or resets) the connection, the socket times out, or
   * something that is not a response arrives (counted as closed: the stream is unusable).
   */
  public Replies readAll() {
    return readAll(socketTimeout(), socketTimeout());
  }

  /**
   * The same, waiting up to {@code firstMillis} for the first response and {@code restMillis} for
   * each further one: long enough for a loaded machine, short enough to tell "kept open" from the
   * server's own timeouts.
   */
  public Replies readAll(int firstMillis, int restMillis) {
    List<Reply> replies = new ArrayList<>();
    while (true) {
      try {
        socket.setSoTimeout(replies.isEmpty() ? firstMillis : restMillis);
        replies.add(read());
      } catch (SocketTimeoutException e) {
        return new Replies(replies, false);
      } catch (IOException e) {
        return new Replies(replies, true);
      }
    }
  }

  private int socketTimeout() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return 10_000;
    }
  }

  /** Whether the server closed the connection: EOF (or a reset) before the socket timeout. */
  public boolean closedByServer() {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
      if (line.size() > 64 * 1024) {
        throw new IOException("line longer than 64 KiB");
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
