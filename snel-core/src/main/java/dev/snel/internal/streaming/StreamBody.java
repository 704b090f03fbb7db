package dev.snel.internal.streaming;

import dev.snel.BodyWriter;
import dev.snel.EventStream;
import dev.snel.JsonLines;
import dev.snel.ServerSentEvent;
import dev.snel.internal.threads.VirtualThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of an {@link EventStream} or {@link JsonLines}: runs the producer on the thread writing
 * the body, frames each item, pings an idle event stream from a second thread, and, when the client
 * goes away, stops the producer (the server interrupts this thread; a failed ping interrupts it
 * too) and runs the stream's close actions; the server logs the disconnect.
 *
 * <p>Threading: {@link #writeTo} runs on the server's writer thread (a virtual thread), which is
 * the producer's thread; the pinger is a virtual thread of its own, started and stopped by {@code
 * writeTo}, and never writes after {@code writeTo} returns.
 */
public final class StreamBody implements BodyWriter {
  /** The keep-alive pingers: never on a server's event loop, whichever thread writes the stream. */
  private static final ThreadFactory PINGS =
      VirtualThreads.onDefaultScheduler().name("snel-sse-ping-", 0).factory();

  private static final Logger LOG = LoggerFactory.getLogger(StreamBody.class);

  /** Runs a producer against the output, counting what it sends. */
  private interface Production {
    void run(StreamOutput out, long[] sent) throws Exception;
  }

  private final AutoCloseable stream;
  private final Production production;
  private final String what;
  private final long pingNanos;
  private final String requestId;
  private final Object guard = new Object();
  private @Nullable Thread producer; // guarded by guard
  private boolean interruptedHere; // guarded by guard

  private StreamBody(
      AutoCloseable stream, Production production, String what, long pingNanos, String requestId) {
    this.stream = stream;
    this.production = production;
    this.what = what;
    this.pingNanos = pingNanos;
    this.requestId = requestId;
  }

  /**
   * The body of an event stream.
   *
   * @param items encodes an item through the route's item schema
   * @param data encodes a {@link ServerSentEvent}'s data through its own class's schema
   */
  @SuppressWarnings("unchecked") // the route compiled its encoder for the stream's item type
  public static StreamBody events(
      EventStream<?> stream, ItemEncoder items, ItemEncoder data, String requestId) {
    EventStream.Producer<Object> producer = (EventStream.Producer<Object>) stream.producer();
    Production production = (out, sent) -> producer.produce(new EventSink(out, items, data, sent));
    return new StreamBody(
        stream, production, "event stream", stream.pingInterval().toNanos(), requestId);
  }

  /** The body of a JSON Lines stream; {@code items} encodes an item through its schema. */
  @SuppressWarnings("unchecked") // the route compiled its encoder for the stream's item type
  public static StreamBody jsonLines(JsonLines<?> stream, ItemEncoder items, String requestId) {
    JsonLines.Producer<Object> producer = (JsonLines.Producer<Object>) stream.producer();
    Production production =
        (out, sent) ->
            producer.produce(
                item -> {
                  byte[] json = items.encode(item);
                  byte[] line = new byte[json.length + 1];
                  System.arraycopy(json, 0, line, 0, json.length);
                  line[json.length] = '\n';
                  out.send(line);
                  sent[0]++;
                });
    return new StreamBody(stream, production, "JSON Lines stream", 0, requestId);
  }

  @Override
  public void writeTo(OutputStream body) throws Exception {
    StreamOutput out = new StreamOutput(body);
    long[] sent = {0};
    synchronized (guard) {
      producer = Thread.currentThread();
    }
    Thread pinger = null;
    if (pingNanos > 0) {
      pinger = PINGS.newThread(() -> ping(out));
      pinger.start();
    }
    Throwable failure = null;
    boolean stoppedHere;
    try {
      production.run(out, sent);
    } catch (Throwable e) {
      failure = e;
    } finally {
      synchronized (guard) {
        producer = null;
        stoppedHere = interruptedHere;
      }
      out.stop();
      if (pinger != null) {
        pinger.interrupt();
      }
      if (stoppedHere) {
        Thread.interrupted(); // our own interrupt is not the server's to see
      }
    }
    boolean gone =
        out.broken()
            || stoppedHere
            || interruption(failure)
            || Thread.currentThread().isInterrupted();
    if (gone) { // the server logs the disconnect itself, once; this adds what the stream sent
      LOG.debug(
          "The client of request {} went away: its {} stopped after {} items",
          requestId,
          what,
          sent[0]);
    }
    close();
    if (gone) {
      throw failure instanceof IOException io
          ? io
          : new InterruptedIOException("the client went away");
    }
    if (failure instanceof Exception e) {
      throw e;
    }
    if (failure != null) {
      throw (Error) failure;
    }
  }

  /** Runs the stream's close actions; a failure is only logged, the response being gone. */
  private void close() {
    try {
      stream.close();
    } catch (Exception e) {
      LOG.warn("A close action of the {} of request {} failed", what, requestId, e);
    }
  }

  /** The pinger's loop: a ping whenever the stream was idle for the interval. */
  private void ping(StreamOutput out) {
    try {
      long wait = pingNanos;
      while (wait >= 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
        wait = out.pingIfIdle(SseFrames.PING, pingNanos);
      }
    } catch (InterruptedException e) {
      // the stream ended
    } catch (IOException | RuntimeException e) {
      // the client went away while the producer waits for something to send: stop it now
      synchronized (guard) {
        Thread waiting = producer;
        if (waiting != null) {
          interruptedHere = true;
          waiting.interrupt();
        }
      }
    }
  }

  private static boolean interruption(@Nullable Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof InterruptedException
          || e instanceof InterruptedIOException
          || e instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  /** An event stream's sink: items as data-only events, {@link ServerSentEvent}s as they are. */
  private record EventSink(StreamOutput out, ItemEncoder items, ItemEncoder data, long[] sent)
      implements EventStream.Sink<Object> {
    @Override
    public void send(@Nullable Object item) {
      if (item instanceof ServerSentEvent event) {
        sendEvent(event);
        return;
      }
      out.send(SseFrames.data(items.encode(item)));
      sent[0]++;
    }

    @Override
    public void sendEvent(ServerSentEvent event) {
      String text =
          event
              .rawData()
              .orElseGet(
                  () ->
                      event
                          .data()
                          .map(value -> new String(data.encode(value), StandardCharsets.UTF_8))
                          .orElse(null));
      out.send(SseFrames.event(event, text));
      sent[0]++;
    }
  }
}
