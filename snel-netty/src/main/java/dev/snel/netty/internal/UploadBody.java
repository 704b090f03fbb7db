package dev.snel.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A request body streamed from the connection to the request's thread: the event loop adds chunks
 * as they are read, the request's virtual thread reads them. At most about {@link #HIGH_WATER}
 * bytes wait here: past it the connection stops reading (through {@link ReadGate}) until the reader
 * has taken the buffer down to {@link #LOW_WATER}, so a fast client uploading to a slow handler
 * fills its own TCP window, not the server's memory.
 *
 * <p>Threading: {@link #offer}, {@link #end}, {@link #fail} and {@link #abandon} run on the
 * channel's event loop; the read methods and {@link #close} on the request's thread. The state is
 * guarded by one lock; the gate is only touched on the event loop.
 */
final class UploadBody extends InputStream {
  /** Bytes buffered per connection before it stops reading. */
  static final int HIGH_WATER = 256 * 1024;

  static final int LOW_WATER = 64 * 1024;

  /**
   * What a chunk waiting here costs besides its bytes: its buffer object, and the read buffer it is
   * a slice of. Counted toward the water marks, else a chunked body of one-byte chunks would let a
   * quarter of a million buffer objects wait per connection.
   */
  static final int CHUNK_COST = 256;

  private final Channel channel;
  private final ReadGate gate;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private long buffered;
  private long cost; // buffered plus CHUNK_COST per chunk: what the water marks bound
  private boolean full;
  private boolean ended;
  private boolean abandoned;
  private @Nullable IOException failure;

  UploadBody(Channel channel, ReadGate gate) {
    this.channel = channel;
    this.gate = gate;
  }

  /** Adds a chunk (taking it over); stops the connection's reading when the buffer is full. */
  void offer(ByteBuf chunk) {
    boolean hold = false;
    lock.lock();
    try {
      if (abandoned || failure != null || !chunk.isReadable()) {
        chunk.release();
        return;
      }
      chunks.add(chunk);
      buffered += chunk.readableBytes();
      cost += chunk.readableBytes() + CHUNK_COST;
      if (!full && cost >= HIGH_WATER) {
        full = true;
        hold = true;
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    if (hold) {
      gate.holdForBody(channel, true);
    }
  }

  /** The client sent the whole body. */
  void end() {
    lock.lock();
    try {
      ended = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The body cannot be read to its end; the reader gets this failure once the buffer is read. */
  void fail(IOException cause) {
    lock.lock();
    try {
      if (failure == null && !ended) {
        failure = cause;
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the whole body arrived and nothing failed: the connection can carry on after it. */
  boolean complete() {
    lock.lock();
    try {
      return ended && failure == null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The request is over (answered, or the connection closed): what waits is released, what still
   * comes is dropped, and the connection reads again.
   */
  void abandon() {
    boolean resume;
    lock.lock();
    try {
      abandoned = true;
      releaseAll();
      resume = full;
      full = false;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    if (resume) {
      gate.holdForBody(channel, false);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    boolean resume = false;
    int n;
    lock.lock();
    try {
      while (chunks.isEmpty()) {
        if (abandoned) {
          throw new IOException("the request is over");
        }
        if (failure != null) {
          throw failure;
        }
        if (ended) {
          return -1;
        }
        try {
          arrived.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the request body");
        }
      }
      ByteBuf head = chunks.peek();
      n = Math.min(length, head.readableBytes());
      head.readBytes(target, offset, n);
      if (!head.isReadable()) {
        chunks.poll().release();
        cost -= CHUNK_COST;
      }
      buffered -= n;
      cost -= n;
      if (full && cost <= LOW_WATER) {
        full = false;
        resume = true;
      }
    } finally {
      lock.unlock();
    }
    if (resume) {
      channel.eventLoop().execute(() -> gate.holdForBody(channel, false));
    }
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, buffered);
    } finally {
      lock.unlock();
    }
  }

  /** The reader is done: the rest is dropped (the connection closes after the answer). */
  @Override
  public void close() {
    try {
      channel.eventLoop().execute(this::abandon);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the server stopped: its buffers go with it
    }
  }

  private void releaseAll() {
    ByteBuf chunk;
    while ((chunk = chunks.poll()) != null) {
      chunk.release();
    }
    buffered = 0;
    cost = 0;
  }
}
