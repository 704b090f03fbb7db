package dev.snel.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client of {@link ManyConnectionsServerTest}, run as a process of its own so that the server's
 * and the client's sockets each count against their own process's file-descriptor limit: opens
 * {@code CONNECTIONS} keep-alive connections to {@code 127.0.0.1:PORT}, then, {@code ROUNDS} times,
 * sends {@code GET /hello/<connection>?round=<round>} on every one of them and reads every answer,
 * over the same sockets each round. One thread and one {@link Selector} drive them all.
 *
 * <p>Usage: {@code ManyConnectionsClient PORT CONNECTIONS ROUNDS}. Prints {@code connected N}, then
 * per round {@code round R: A of N answered as expected} (and the first unexpected answer, if any);
 * on a failure prints {@code failed: ...} and exits with 1.
 */
public final class ManyConnectionsClient {
  /** Only against a hang: a healthy run answers a round within seconds. */
  private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);

  private final Selector selector;
  private final List<Client> clients = new ArrayList<>();

  private ManyConnectionsClient() throws IOException {
    selector = Selector.open();
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    try {
      ManyConnectionsClient client = new ManyConnectionsClient();
      try {
        client.connect(new InetSocketAddress("127.0.0.1", port), connections);
        System.out.println("connected " + connections);
        for (int round = 1; round <= rounds; round++) {
          System.out.println(client.exchange(round));
        }
      } finally {
        client.close();
      }
    } catch (IOException | RuntimeException e) {
      System.out.println("failed: " + e);
      System.exit(1);
    }
  }

  /** One client socket, its index (which its requests name) and what it has read of an answer. */
  private static final class Client {
    final int index;
    final SocketChannel channel;
    final ByteBuffer received = ByteBuffer.allocate(512);
    @Nullable String answer;

    Client(int index, SocketChannel channel) {
      this.index = index;
      this.channel = channel;
    }

    /** {@code STATUS BODY} of the response read so far, or null while it is incomplete. */
    @Nullable String parse() {
      String text = new String(received.array(), 0, received.position(), StandardCharsets.US_ASCII);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return null;
      }
      int length = 0;
      for (String line : text.substring(0, headEnd).split("\r\n")) {
        int colon = line.indexOf(':');
        String name = colon > 0 ? line.substring(0, colon).strip() : "";
        if (name.equalsIgnoreCase("content-length")) {
          length = Integer.parseInt(line.substring(colon + 1).strip());
        } else if (name.equalsIgnoreCase("connection")) {
          return "unexpected header " + line; // a keep-alive answer says nothing about it
        }
      }
      int end = headEnd + 4 + length;
      if (text.length() < end) {
        return null;
      }
      if (text.length() > end) {
        return "more than one response: " + text;
      }
      return text.substring("HTTP/1.1 ".length(), "HTTP/1.1 200".length())
          + " "
          + text.substring(headEnd + 4);
    }
  }

  private void connect(InetSocketAddress server, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open(server); // blocking: the kernel's handshake
      channel.configureBlocking(false);
      Client client = new Client(i, channel);
      channel.register(selector, SelectionKey.OP_READ, client);
      clients.add(client);
    }
  }

  /** Sends one request on every connection, then reads every answer; the round's summary line. */
  private String exchange(int round) throws IOException {
    for (Client client : clients) {
      client.answer = null;
      client.received.clear();
      String request =
          "GET /hello/" + client.index + "?round=" + round + " HTTP/1.1\r\nHost: test\r\n\r\n";
      ByteBuffer bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      client.channel.write(bytes);
      if (bytes.hasRemaining()) { // an idle socket's send buffer takes a few dozen bytes at once
        throw new IllegalStateException("request " + client.index + " not written whole");
      }
    }
    int answered = 0;
    long start = System.nanoTime();
    while (answered < clients.size()) {
      if (System.nanoTime() - start > GIVE_UP_NANOS) {
        throw new IllegalStateException(
            "round " + round + ": " + answered + " of " + clients.size() + " answered");
      }
      selector.select(1000);
      for (SelectionKey key : selector.selectedKeys()) {
        Client client = (Client) key.attachment();
        if (client.channel.read(client.received) < 0) {
          throw new IllegalStateException(
              "the server closed connection " + client.index + " in round " + round);
        }
        if (client.answer == null) {
          client.answer = client.parse();
          answered += client.answer == null ? 0 : 1;
        }
      }
      selector.selectedKeys().clear();
    }
    int expected = 0;
    String firstUnexpected = "";
    for (Client client : clients) {
      if (("200 connection " + client.index + ", round " + round).equals(client.answer)) {
        expected++;
      } else if (firstUnexpected.isEmpty()) {
        firstUnexpected = "; connection " + client.index + " got: " + client.answer;
      }
    }
    return "round "
        + round
        + ": "
        + expected
        + " of "
        + clients.size()
        + " answered as expected"
        + firstUnexpected;
  }

  private void close() throws IOException {
    for (Client client : clients) {
      client.channel.close();
    }
    selector.close();
  }
}
