package dev.snel.netty.reliability;

import dev.snel.netty.Raw;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacks on the server's time, memory and connections: slow and idle clients, deep pipelines,
 * clients that never read, many abandoned connections. They wait for the server's timeouts (seconds
 * in the suite's config) but assert no duration.
 */
final class ResourceAttacks {
  static final int BACKPRESSURE_CONNECTIONS = 8;
  static final int BACKPRESSURE_REQUESTS = 200;
  static final int BACKPRESSURE_BATCH = 10;
  static final long MEMORY_BOUND = 64L << 20;
  static final int ABANDONED = 1000;
  static final int UPLOADS = 128;
  static final int FD_MARGIN = 10;

  private ResourceAttacks() {}

  static List<Attack> all() {
    return List.of(
        new Attack(
            "slow loris",
            "`GET /fast` headers, then one byte every 250 ms, never finishing",
            "408 once the request timeout passes, connection closed",
            ResourceAttacks::slowLoris),
        new Attack(
            "idle connection",
            "a connection that sends nothing",
            "closed without a response after the idle timeout",
            ResourceAttacks::idleConnection),
        new Attack(
            "idle keep-alive connection",
            "one `GET /fast`, then nothing",
            "200, then closed without a response after the idle timeout",
            ResourceAttacks::idleKeepAlive),
        new Attack(
            "200 pipelined GETs",
            "200 `GET /mark/...` in one write",
            "every answered request answered in order; nothing executed without an answer",
            target -> pipelined(target, 200)),
        new Attack(
            "2000 pipelined GETs",
            "2,000 `GET /mark/...` in one write",
            "every answered request answered in order; nothing executed without an answer",
            target -> pipelined(target, 2000)),
        new Attack(
            "pipelining client that never reads",
            BACKPRESSURE_CONNECTIONS
                + " connections each pipelining "
                + BACKPRESSURE_REQUESTS
                + " `GET /big` (256 KiB answers, 400 MiB in all), written in batches of "
                + BACKPRESSURE_BATCH
                + ", never reading",
            "RSS and direct memory grow by less than 64 MiB",
            ResourceAttacks::neverReads),
        new Attack(
            "pipelined big bodies to a slow route",
            UPLOADS
                + " pipelined `POST`s of 1,000,000 bytes each (just under the body limit) to a route"
                + " that holds each request for 4 s",
            "heap and direct memory grow by less than 64 MiB",
            ResourceAttacks::pipelinedUploads),
        new Attack(
            "1,000 abandoned connections",
            ABANDONED + " connections, half with a partial request, never closed by the client",
            "the server closes them all (408 for the partial ones); open fds back to the baseline",
            ResourceAttacks::abandonedConnections),
        new Attack(
            "client reset mid-body",
            "20 `POST`s declaring 100,000 bytes, reset (RST) after 1,000",
            "not executed; open fds back to the baseline",
            ResourceAttacks::resetMidBody));
  }

  private static Attack.Outcome slowLoris(Target target) throws Exception {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      raw.send("GET /fast HTTP/1.1\r\nHost: t\r\nX-Slow: ");
      InputStream in = raw.socket().getInputStream();
      for (int i = 0; i < 120 && in.available() == 0; i++) {
        try {
          raw.send("a");
        } catch (IOException closed) {
          break;
        }
        Thread.sleep(250);
      }
      Raw.Replies replies = raw.timeout(5000).readAll();
      Attacks.describeAll(verdict, replies);
      List<Raw.Reply> got = replies.replies();
      verdict
          .require(got.size() == 1 && got.get(0).status() == 408, "408")
          .require(replies.closed(), "connection closed");
    }
    return verdict.outcome();
  }

  private static Attack.Outcome idleConnection(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      Raw.Replies replies = raw.timeout(15_000).readAll();
      Attacks.describeAll(verdict, replies);
      verdict.require(replies.replies().isEmpty() && replies.closed(), "closed without a response");
    }
    return verdict.outcome();
  }

  private static Attack.Outcome idleKeepAlive(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      Raw.Reply first = raw.send(Raw.get("/fast")).read();
      Raw.Replies rest = raw.timeout(15_000).readAll();
      verdict
          .saw(Attacks.describe(first) + ", then " + rest.replies().size() + " more")
          .saw(rest.closed() ? "closed" : "kept open")
          .require(first.status() == 200, "200")
          .require(rest.replies().isEmpty() && rest.closed(), "closed without a response");
    }
    return verdict.outcome();
  }

  private static Attack.Outcome pipelined(Target target, int count) throws Exception {
    String tag = "pipe" + count;
    StringBuilder requests = new StringBuilder();
    for (int i = 0; i < count; i++) {
      requests.append(Raw.get("/mark/" + tag + "?i=" + i));
    }
    int answered = 0;
    boolean inOrder = true;
    boolean closed = false;
    try (Raw raw = target.open()) {
      raw.timeout(10_000);
      try {
        raw.send(requests.toString());
      } catch (IOException closedWhileSending) {
        closed = true;
      }
      for (int i = 0; i < count; i++) {
        Raw.Reply reply;
        try {
          reply = raw.read();
        } catch (SocketTimeoutException e) {
          break;
        } catch (IOException e) {
          closed = true;
          break;
        }
        inOrder &= reply.status() == 200 && reply.body().equals("marked " + tag + " " + i);
        answered++;
      }
    }
    Thread.sleep(500); // lets requests the server dropped finish running, so that they are counted
    long executed = target.marks(tag);
    // Where a server stops answering depends on scheduling: the exact counts go to the
    // measurements, the table says only whether the promises held.
    target.measured(
        count + " pipelined GETs: " + answered + " answered, " + executed + " executed.");
    boolean allOrClosed = answered == count || closed;
    if (inOrder && executed == answered && allOrClosed && answered > 0) {
      // Whether a server with a pipeline limit reaches it depends on scheduling: one text for both.
      return new Verdict()
          .saw(
              "answers in order, the rest (if any) refused by a close;"
                  + " nothing executed without an answer")
          .outcome();
    }
    return new Verdict()
        .saw(
            "answered "
                + (answered == count ? "all" : "some")
                + (inOrder ? " in order" : ", NOT in order"))
        .saw(
            executed == answered
                ? "nothing executed without an answer"
                : "SOME EXECUTED WITHOUT AN ANSWER")
        .saw(closed ? "closed" : "kept open")
        .require(answered > 0, "answers")
        .require(inOrder, "answered in order")
        .require(executed == answered, "nothing executed without an answer")
        .require(allOrClosed, "the rest refused by a close, not left hanging")
        .outcome();
  }

  private static Attack.Outcome neverReads(Target target) throws Exception {
    ServerProcess server = target.process();
    ServerProcess.Stats before = server.stats();
    long maxRss = before.rss();
    long maxDirect = before.direct();
    ServerProcess.Stats peak = before;
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < BACKPRESSURE_CONNECTIONS; i++) {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", target.port()));
        sockets.add(socket);
      }
      // In batches, so that a server that limits how deep it reads a pipeline still gets them all.
      byte[] batch = Raw.get("/big").repeat(BACKPRESSURE_BATCH).getBytes(StandardCharsets.US_ASCII);
      for (int sent = 0; sent < BACKPRESSURE_REQUESTS; sent += BACKPRESSURE_BATCH) {
        for (Socket socket : sockets) {
          try {
            socket.getOutputStream().write(batch);
            socket.getOutputStream().flush();
          } catch (IOException closedByServer) {
            // a server may give up on a client that never reads
          }
        }
        Thread.sleep(20);
      }
      // Until resident memory stops moving: the server has buffered all it is going to.
      int steady = 0;
      long previous = before.rss();
      for (int i = 0; i < 60 && steady < 4; i++) {
        Thread.sleep(250);
        ServerProcess.Stats now = server.stats();
        maxRss = Math.max(maxRss, now.rss());
        if (now.direct() > maxDirect) {
          maxDirect = now.direct();
          peak = now;
        }
        steady = Math.abs(now.rss() - previous) < (1 << 20) ? steady + 1 : 0;
        previous = now.rss();
      }
    } finally {
      for (Socket socket : sockets) {
        socket.setSoLinger(true, 0);
        socket.close();
      }
    }
    Thread.sleep(500);
    ServerProcess.Stats after = server.stats();
    long rssGrowth = maxRss - before.rss();
    long directGrowth = maxDirect - before.direct();
    target.measured(
        String.format(
            "Pipelining client that never reads: RSS %s before, %s at most (+%s); direct memory %s before,"
                + " %s at most (+%s; Netty's counter %s, the default allocator %s, the JDK's direct pool %s);"
                + " after the clients closed: %s.",
            ServerProcess.Stats.mib(before.rss()),
            ServerProcess.Stats.mib(maxRss),
            ServerProcess.Stats.mib(rssGrowth),
            ServerProcess.Stats.mib(before.direct()),
            ServerProcess.Stats.mib(maxDirect),
            ServerProcess.Stats.mib(directGrowth),
            ServerProcess.Stats.mib(peak.nettyDirect()),
            ServerProcess.Stats.mib(peak.allocatorDirect()),
            ServerProcess.Stats.mib(peak.jdkDirect()),
            after.describe()));
    return new Verdict()
        .saw("RSS grew " + (rssGrowth < MEMORY_BOUND ? "less" : "MORE") + " than 64 MiB")
        .saw(
            "direct memory grew "
                + (directGrowth < MEMORY_BOUND ? "less" : "MORE")
                + " than 64 MiB")
        .require(rssGrowth < MEMORY_BOUND, "RSS growth under 64 MiB")
        .require(directGrowth < MEMORY_BOUND, "direct memory growth under 64 MiB")
        .outcome();
  }

  private static Attack.Outcome pipelinedUploads(Target target) throws Exception {
    ServerProcess server = target.process();
    ServerProcess.Stats before = server.stats();
    long maxHeap = before.heap();
    long maxDirect = before.direct();
    byte[] body = new byte[1_000_000];
    byte[] head =
        ("POST /slow-upload?ms=4000 HTTP/1.1\r\nHost: t\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Socket socket = new Socket("127.0.0.1", target.port());
    Thread writer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    for (int i = 0; i < UPLOADS; i++) {
                      socket.getOutputStream().write(head);
                      socket.getOutputStream().write(body);
                    }
                    socket.getOutputStream().flush();
                  } catch (IOException stopped) {
                    // the server stopped reading, and the socket was reset below
                  }
                });
    try {
      for (int i = 0; i < 12; i++) {
        Thread.sleep(250);
        ServerProcess.Stats now = server.stats();
        maxHeap = Math.max(maxHeap, now.heap());
        maxDirect = Math.max(maxDirect, now.direct());
      }
    } finally {
      socket.setSoLinger(true, 0);
      socket.close();
      writer.join(10_000);
    }
    long heapGrowth = maxHeap - before.heap();
    long directGrowth = maxDirect - before.direct();
    target.measured(
        String.format(
            "Pipelined big bodies to a slow route: heap after GC %s before, %s at most (+%s); direct memory %s before,"
                + " %s at most (+%s).",
            ServerProcess.Stats.mib(before.heap()),
            ServerProcess.Stats.mib(maxHeap),
            ServerProcess.Stats.mib(heapGrowth),
            ServerProcess.Stats.mib(before.direct()),
            ServerProcess.Stats.mib(maxDirect),
            ServerProcess.Stats.mib(directGrowth)));
    return new Verdict()
        .saw("heap grew " + (heapGrowth < MEMORY_BOUND ? "less" : "MORE") + " than 64 MiB")
        .saw(
            "direct memory grew "
                + (directGrowth < MEMORY_BOUND ? "less" : "MORE")
                + " than 64 MiB")
        .require(heapGrowth < MEMORY_BOUND, "heap growth under 64 MiB")
        .require(directGrowth < MEMORY_BOUND, "direct memory growth under 64 MiB")
        .outcome();
  }

  private static Attack.Outcome abandonedConnections(Target target) throws Exception {
    ServerProcess server = target.process();
    long baseline = server.fds();
    List<Socket> sockets = new ArrayList<>();
    int timedOut = 0;
    int closed = 0;
    try {
      for (int i = 0; i < ABANDONED; i++) {
        Socket socket = new Socket("127.0.0.1", target.port());
        sockets.add(socket);
        if (i % 2 == 0) {
          socket
              .getOutputStream()
              .write("GET /fast HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
        }
      }
      boolean back = waitForFds(server, baseline);
      for (Socket socket : sockets) {
        socket.setSoTimeout(back ? 5000 : 20); // the last ones may still be closing
        byte[] all;
        try {
          all = socket.getInputStream().readAllBytes();
        } catch (IOException notClosed) {
          continue;
        }
        closed++;
        if (new String(all, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 408")) {
          timedOut++;
        }
      }
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    boolean back = waitForFds(server, baseline);
    return new Verdict()
        .saw(closed + " of " + ABANDONED + " closed by the server, " + timedOut + " after a 408")
        .saw(back ? "fds back to the baseline" : "fds NOT back to the baseline")
        .require(
            closed == ABANDONED && timedOut == ABANDONED / 2,
            "all closed, the partial ones after a 408")
        .require(back, "fds back to the baseline")
        .outcome();
  }

  private static Attack.Outcome resetMidBody(Target target) throws Exception {
    ServerProcess server = target.process();
    long baseline = server.fds();
    for (int i = 0; i < 20; i++) {
      try (Socket socket = new Socket("127.0.0.1", target.port())) {
        socket
            .getOutputStream()
            .write(
                ("POST /mark/reset HTTP/1.1\r\nHost: t\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n"
                        + "x".repeat(1000))
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.setSoLinger(true, 0);
      }
    }
    boolean back = waitForFds(server, baseline);
    Verdict verdict = new Verdict();
    Attacks.notExecuted(target, verdict, "reset");
    return verdict
        .saw(back ? "fds back to the baseline" : "fds NOT back to the baseline")
        .require(back, "fds back to the baseline")
        .outcome();
  }

  /** Waits (up to 20 s) for the server's open fds to come back near the baseline. */
  static boolean waitForFds(ServerProcess server, long baseline) throws InterruptedException {
    for (int i = 0; i < 80; i++) {
      if (server.fds() <= baseline + FD_MARGIN) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }
}
