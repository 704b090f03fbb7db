package dev.snel.testing;

import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.internal.websocket.WebSocketTransport;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket between a test and an app in the same process: two queues instead of a socket, into
 * the same route code a server runs. The test's messages queue up to a bound (a send then waits, as
 * a socket's would); the app's are kept until the test reads them.
 *
 * <p>Threading: the app's side runs on the handler's virtual thread, the test's on the test's.
 */
final class InProcessWebSocket implements WebSocketTransport {
  private static final int QUEUED_FROM_TEST = 64;

  private final Duration timeout;
  private final BlockingQueue<Message> toApp = new ArrayBlockingQueue<>(QUEUED_FROM_TEST);
  private final BlockingQueue<Message> toTest = new LinkedBlockingQueue<>();
  private final CompletableFuture<Object> handshake = new CompletableFuture<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile @Nullable Close appClosed;
  private volatile @Nullable Close testClosed;

  private record Accepted(@Nullable String subprotocol) {}

  private InProcessWebSocket(Duration timeout) {
    this.timeout = timeout;
  }

  /** Opens the socket: runs the handshake through the app; throws if refused. */
  static TestWebSocket open(Snel app, Request request, Duration timeout) {
    InProcessWebSocket transport = new InProcessWebSocket(timeout);
    app.handleWebSocket(request, transport);
    Object answer;
    try {
      answer = transport.handshake.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the WebSocket handshake", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer to the WebSocket handshake " + request, e);
    }
    if (answer instanceof Response refusal) {
      throw new WebSocketRefused(
          request.target(), refusal.status(), refusal.headers(), refusal.body());
    }
    return new TestWebSocket(
        transport.toTest, transport.new TestSide(), ((Accepted) answer).subprotocol());
  }

  // --- the app's side

  @Override
  public void accept(@Nullable String subprotocol) throws Gone {
    Close gone = testClosed;
    if (gone != null) {
      throw new Gone(gone.code(), gone.reason());
    }
    handshake.complete(new Accepted(subprotocol));
  }

  @Override
  public void refuse(Response response) {
    handshake.complete(response);
  }

  @Override
  public Message receive() throws InterruptedException {
    return toApp.take();
  }

  @Override
  public void send(Message message) throws Gone {
    Close gone = testClosed;
    if (gone != null) {
      throw new Gone(gone.code(), gone.reason());
    }
    toTest.add(message);
  }

  @Override
  public void close(int code, String reason) {
    if (appClosed == null) {
      Close close = new Close(code, reason);
      appClosed = close;
      toTest.add(close);
    }
  }

  @Override
  public void finished() {
    // a handler that ends without a close the test could wait for: the test sees a drop
    close(TestWebSocket.abnormal("").code(), "");
    handshake.complete(Response.empty(500));
    done.complete(null);
  }

  /** The test's side: its messages and its close. */
  private final class TestSide implements TestWebSocket.Outbound {
    @Override
    public void send(Message message) {
      offer(message);
    }

    @Override
    public void close(int code, String reason) {
      Close close = new Close(code, reason);
      testClosed = close;
      offer(close);
      try {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "the WebSocket handler did not end within " + timeout + " after the close", e);
      }
    }

    private void offer(Message message) {
      try {
        if (!toApp.offer(message, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(
              "the app read none of the last " + QUEUED_FROM_TEST + " messages within " + timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending a WebSocket message", e);
      }
    }
  }
}
