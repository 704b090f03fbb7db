package dev.snel.netty.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that speaks WebSocket frames over a plain socket, byte by byte where a test wants to
 * misbehave: it writes what Netty's client-side encoder makes (masked frames) or raw bytes, and
 * reads the server's frames with Netty's decoder. It never answers a ping on its own.
 */
final class RawWebSocket implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
  private final EmbeddedChannel decoder =
      new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 24, true));

  /** The handshake's answer: the status line and header lines. */
  final String head;

  private RawWebSocket(Socket socket, String head) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.head = head;
  }

  /** A valid handshake request for the target. */
  static String handshake(String target) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  /** Connects, sends the request text and reads the answer's head. */
  static RawWebSocket open(int port, String request) throws IOException {
    return openAfter(port, "", request);
  }

  /**
   * Connects; sends the plain HTTP request, if any, and reads its whole answer (a {@code
   * Content-Length} body); then sends the request text and reads the answer's head.
   */
  static RawWebSocket openAfter(int port, String plain, String request) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    if (!plain.isEmpty()) {
      socket.getOutputStream().write(plain.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String head = readHead(in);
      int length =
          head.lines()
              .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
              .mapToInt(line -> Integer.parseInt(line.substring(15).strip()))
              .findFirst()
              .orElse(0);
      in.readNBytes(length);
    }
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return new RawWebSocket(socket, readHead(in));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  int status() {
    return Integer.parseInt(head.split(" ", 3)[1]);
  }

  /** Writes a frame, masked as a client must. */
  RawWebSocket send(WebSocketFrame frame) throws IOException {
    encoder.writeOutbound(frame);
    ByteBuf bytes;
    while ((bytes = encoder.readOutbound()) != null) {
      try {
        out.write(ByteBufUtil.getBytes(bytes));
      } finally {
        bytes.release();
      }
    }
    out.flush();
    return this;
  }

  /** Writes bytes as they are. */
  RawWebSocket sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** The server's next frame; null if the connection closed first. The caller releases it. */
  WebSocketFrame read() throws IOException {
    while (true) {
      Object frame = decoder.readInbound();
      if (frame != null) {
        return (WebSocketFrame) frame;
      }
      byte[] buffer = new byte[8192];
      int n = in.read(buffer);
      if (n < 0) {
        return null;
      }
      decoder.writeInbound(Unpooled.wrappedBuffer(buffer, 0, n));
    }
  }

  /** Whether the server closed the connection within the socket timeout. */
  boolean closedByServer() {
    try {
      while (true) {
        if (in.read() == -1) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    encoder.finishAndReleaseAll();
    decoder.finishAndReleaseAll();
  }
}
