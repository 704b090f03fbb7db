package dev.snel.netty.dispatch;

import dev.snel.Get;
import dev.snel.Snel;
import dev.snel.netty.ServerConfig;
import dev.snel.netty.SnelServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A JVM of its own for {@link LoopDispatchFallbackTest}: serves one route that blocks on a socket
 * (the first virtual thread to do so in this JVM, which starts the JDK's pollers), asks it over a
 * platform thread's socket, stops the server, then blocks on a socket in a new virtual thread;
 * prints what happened.
 */
public final class DispatchProbe {
  private DispatchProbe() {}

  /** The route: reads one byte from a peer socket and says which thread it ran on. */
  public static final class Routes {
    private final int peerPort;

    Routes(int peerPort) {
      this.peerPort = peerPort;
    }

    @Get("/socket")
    public String socket() throws IOException {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), peerPort)) {
        return socket.getInputStream().read() + " " + Thread.currentThread();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering = Thread.ofPlatform().daemon().start(() -> answer(peer));
      Snel app = Snel.create().include(new Routes(peer.getLocalPort()));
      try (SnelServer server =
          SnelServer.start(app, ServerConfig.defaults().port(0).ioThreads(1))) {
        System.out.println("answer: " + get(server.port(), "/socket"));
      }
      Thread after =
          Thread.ofVirtual().start(() -> System.out.println("after stop: " + readOne(peer)));
      after.join(10_000);
      System.out.println(after.isAlive() ? "after stop: stuck" : "done");
      answering.interrupt();
    }
  }

  private static void answer(ServerSocket peer) {
    while (true) {
      try (Socket accepted = peer.accept()) {
        accepted.getOutputStream().write(7);
      } catch (IOException e) {
        return;
      }
    }
  }

  private static String readOne(ServerSocket peer) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), peer.getLocalPort())) {
      return Integer.toString(socket.getInputStream().read());
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String get(int port, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, response.indexOf('\r'))
          + " "
          + response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
