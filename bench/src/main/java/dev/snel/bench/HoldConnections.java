package dev.snel.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client of bench/connections.sh: opens {@code N} keep-alive connections to {@code
 * 127.0.0.1:PORT}, one after the other, sends {@code GET PATH} on each and reads its answer, prints
 * {@code held N}, then holds them all, idle, until its standard input ends; then closes them.
 *
 * <p>Usage: {@code HoldConnections PORT N PATH}. Exits with 1 (and says why) if an answer is not a
 * 200 or the server closes a connection.
 *
 * <p>Threading: the main thread only, blocking sockets (the connections are opened in sequence).
 */
public final class HoldConnections {
  private HoldConnections() {}

  /** Opens, asks, holds; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: HoldConnections PORT N PATH");
      System.exit(2);
    }
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
    int count = Integer.parseInt(args[1]);
    byte[] request =
        ("GET " + args[2] + " HTTP/1.1\r\nHost: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer answer = ByteBuffer.allocate(4096);
    List<SocketChannel> held = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        SocketChannel channel = SocketChannel.open(server);
        held.add(channel);
        channel.write(ByteBuffer.wrap(request));
        answer.clear();
        String status = readAnswer(channel, answer);
        if (!status.startsWith("HTTP/1.1 200")) {
          System.err.println("connection " + i + " answered: " + status);
          System.exit(1);
        }
      }
      System.out.println("held " + count);
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until stdin ends
      }
    } finally {
      for (SocketChannel channel : held) {
        channel.close();
      }
    }
  }

  /** Reads one response with a {@code Content-Length} body; its status line. */
  private static String readAnswer(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (true) {
      if (channel.read(buffer) < 0) {
        throw new IOException("the server closed a connection before answering");
      }
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        continue;
      }
      int length = 0;
      for (String line : text.substring(0, headEnd).split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      if (text.length() >= headEnd + 4 + length) {
        return text.substring(0, text.indexOf("\r\n"));
      }
    }
  }
}
