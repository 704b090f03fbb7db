package dev.snel.internal.streaming;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response's output shared by a stream's producer and its pinger: each frame is written and
 * flushed whole under one lock, so a ping never lands inside an event, and the time of the last
 * write tells the pinger when the stream is idle.
 *
 * <p>Threading: {@link #send} from the producer's thread, {@link #pingIfIdle} from the pinger's,
 * {@link #stop} from the producer's thread when it is done; after {@code stop} returns nothing more
 * is written.
 */
final class StreamOutput {
  private final OutputStream out;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile long lastWrite = System.nanoTime();
  private volatile boolean broken;
  private boolean stopped; // guarded by lock

  StreamOutput(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes and flushes the frame; blocks while the client is slow.
   *
   * @throws UncheckedIOException when the client has gone away
   */
  void send(byte[] frame) {
    lock.lock();
    try {
      if (stopped) {
        throw new UncheckedIOException(new IOException("the stream has ended"));
      }
      write(frame);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the ping if nothing was written for {@code idleNanos} and no one is writing now.
   *
   * @return how long to wait before asking again; negative once the stream has stopped
   * @throws IOException when the client has gone away
   */
  long pingIfIdle(byte[] ping, long idleNanos) throws IOException {
    long wait = lastWrite + idleNanos - System.nanoTime();
    if (wait > 0) {
      return wait;
    }
    if (!lock.tryLock()) {
      return idleNanos; // a frame is being written: the stream is not idle
    }
    try {
      if (stopped) {
        return -1;
      }
      write(ping);
      return idleNanos;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a write failed: the client has gone away. */
  boolean broken() {
    return broken;
  }

  /** Ends writing: frames after this are refused, and the pinger stops. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
    } finally {
      lock.unlock();
    }
  }

  private void write(byte[] frame) throws IOException {
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      broken = true;
      throw e;
    }
    lastWrite = System.nanoTime();
  }
}
