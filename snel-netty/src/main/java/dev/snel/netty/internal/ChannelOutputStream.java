package dev.snel.netty.internal;

import dev.snel.internal.http.FileSink;
import dev.snel.internal.http.WriterReturned;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The stream a {@link dev.snel.BodyWriter} writes a response body to: it collects up to {@link
 * #CHUNK_SIZE} bytes, then hands them to the channel as one HTTP content chunk, and waits while the
 * channel is not writable (its outbound buffer is over the high water mark) until the client has
 * read enough. So a slow reader holds the writer, and a connection never buffers more than the
 * water mark and one chunk: backpressure from the client's TCP window to the writer's loop.
 *
 * <p>Threading: written from the writer's own (virtual) thread only; {@link #wake()} and {@link
 * #fail(Throwable)} come from the event loop.
 */
final class ChannelOutputStream extends OutputStream implements FileSink, WriterReturned {
  /** Bytes collected before they go out as one chunk without a flush. */
  static final int CHUNK_SIZE = 8 * 1024;

  /** The largest chunk one large write is sent in. */
  static final int MAX_DIRECT_CHUNK = 64 * 1024;

  /** How long a wait for writability sleeps before it looks again, in case a wake-up is missed. */
  private static final long RECHECK_MILLIS = 1_000;

  private final ChannelHandlerContext ctx;
  private final long declaredLength;
  private final Consumer<Throwable> onFailure;
  private final Runnable onWriterReturned;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();
  private final ChannelFutureListener failedWrite;

  private final byte[] buffer = new byte[CHUNK_SIZE];
  private int buffered;
  private long count;
  private boolean closed;
  private @Nullable ChannelFuture lastWrite;
  private volatile @Nullable Throwable failure;

  /**
   * @param declaredLength the response's {@code Content-Length}, or -1: more bytes than declared
   *     are refused, since the client would read them as the next response
   * @param onFailure told (once) when a write fails or {@link #fail(Throwable)} is called
   * @param onWriterReturned told when the writer returned, before the request's cleanups run
   */
  ChannelOutputStream(
      ChannelHandlerContext ctx,
      long declaredLength,
      Consumer<Throwable> onFailure,
      Runnable onWriterReturned) {
    this.ctx = ctx;
    this.declaredLength = declaredLength;
    this.onFailure = onFailure;
    this.onWriterReturned = onWriterReturned;
    this.failedWrite =
        f -> {
          if (!f.isSuccess()) {
            fail(f.cause());
          }
        };
  }

  /** Bytes the writer has written so far (sent or about to be). */
  long count() {
    return count;
  }

  /** Why writing stopped (the client went away, a write failed), or null. */
  @Nullable Throwable failure() {
    return failure;
  }

  @Override
  public void write(int b) throws IOException {
    accept(1);
    if (buffered == buffer.length) {
      send();
    }
    buffer[buffered++] = (byte) b;
    count++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    accept(length);
    int done = 0;
    while (done < length) {
      if (buffered == 0 && length - done >= buffer.length) {
        // a large write goes out in larger chunks, without passing through the buffer
        int n = Math.min(length - done, MAX_DIRECT_CHUNK);
        awaitWritable();
        ByteBuf chunk = ctx.alloc().buffer(n).writeBytes(bytes, offset + done, n);
        send(chunk);
        done += n;
        count += n;
        continue;
      }
      if (buffered == buffer.length) {
        send();
      }
      int n = Math.min(length - done, buffer.length - buffered);
      System.arraycopy(bytes, offset + done, buffer, buffered, n);
      buffered += n;
      done += n;
      count += n;
    }
  }

  /** Sends what has been written so far. */
  @Override
  public void flush() throws IOException {
    ensureOpen();
    if (buffered > 0) {
      send();
    }
  }

  /** Sends what is left; the server, not the writer, ends the body. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      flush();
      closed = true;
    }
  }

  /**
   * The writer returned: sends what is left, and checks that the body is as long as its declared
   * {@code Content-Length}, if any (a shorter one would leave the client waiting for the rest).
   */
  void complete() throws IOException {
    Throwable cause = failure;
    if (cause != null) {
      throw new IOException("the client went away", cause);
    }
    closed = true; // what is buffered goes out with the last chunk
    if (declaredLength >= 0 && count != declaredLength) {
      throw new IOException(
          "the body is "
              + count
              + " bytes, shorter than its Content-Length of "
              + declaredLength
              + " bytes");
    }
  }

  @Override
  public boolean transferFile(Path path, long offset, long length) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false; // a pipe or device has no region to send: the caller copies it
    }
    accept(length);
    flush();
    if (length == 0) {
      return true;
    }
    FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
    DefaultFileRegion region;
    try {
      if (file.size() < offset + length) {
        throw new EOFException(path + " is shorter than " + (offset + length) + " bytes");
      }
      awaitWritable(); // throws when the client is gone: the file is still this method's
      region = new DefaultFileRegion(file, offset, length);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
    // the region owns the file from here: Netty closes it once the region is sent or dropped
    ChannelFuture sent = ctx.writeAndFlush(region);
    lastWrite = sent;
    sent.addListener(failedWrite);
    try {
      sent.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending " + path);
    }
    if (!sent.isSuccess()) {
      throw new IOException("the client went away", sent.cause());
    }
    count += length;
    return true;
  }

  /**
   * Ends the body: what is left, then the last chunk (the terminating {@code 0} chunk when
   * chunked). Returns the write of that last chunk.
   */
  ChannelFuture finish() {
    ChannelFuture end =
        ctx.writeAndFlush(
            buffered == 0
                ? LastHttpContent.EMPTY_LAST_CONTENT
                : new DefaultLastHttpContent(takeBuffered()));
    end.addListener(failedWrite);
    return end;
  }

  /**
   * Sends what is left without ending the body (the writer failed: the client must see it
   * incomplete, and gets what was written up to the failure); returns that write, or the last one.
   */
  ChannelFuture abandon() {
    // bytes that would complete a declared length stay here: the body must look incomplete
    boolean completes = declaredLength >= 0 && count >= declaredLength;
    if (buffered > 0 && failure == null && !completes) {
      ChannelFuture rest = ctx.writeAndFlush(new DefaultHttpContent(takeBuffered()));
      lastWrite = rest;
    }
    ChannelFuture last = lastWrite;
    return last != null ? last : ctx.newSucceededFuture();
  }

  @Override
  public void writerReturned() {
    onWriterReturned.run();
  }

  /** The channel's writability changed: a waiting writer looks again. */
  void wake() {
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Writing is over (the client went away): the writer's next write throws. */
  void fail(Throwable cause) {
    synchronized (this) {
      if (failure != null) {
        return; // told once
      }
      failure = cause;
    }
    wake();
    onFailure.accept(cause);
  }

  private void accept(long length) throws IOException {
    ensureOpen();
    if (declaredLength >= 0 && count + length > declaredLength) {
      throw new IOException(
          "the body is longer than its Content-Length of " + declaredLength + " bytes");
    }
  }

  private void ensureOpen() throws IOException {
    Throwable cause = failure;
    if (cause != null) {
      throw new IOException("the client went away", cause);
    }
    if (closed) {
      throw new IOException("the stream is closed");
    }
  }

  /** Sends the buffered bytes as one chunk, flushed: a full chunk is worth a syscall. */
  private void send() throws IOException {
    awaitWritable();
    send(takeBuffered());
  }

  private void send(ByteBuf chunk) {
    ChannelFuture sent = ctx.writeAndFlush(new DefaultHttpContent(chunk));
    lastWrite = sent;
    sent.addListener(failedWrite);
  }

  private ByteBuf takeBuffered() {
    ByteBuf bytes = ctx.alloc().buffer(buffered);
    bytes.writeBytes(buffer, 0, buffered);
    buffered = 0;
    return bytes;
  }

  /** Blocks while the channel's outbound buffer is over its high water mark. */
  private void awaitWritable() throws IOException {
    Channel channel = ctx.channel();
    lock.lock();
    try {
      while (failure == null && !channel.isWritable() && channel.isActive()) {
        writable.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the client was slow to read");
    } finally {
      lock.unlock();
    }
    ensureOpen();
    if (!channel.isActive()) {
      fail(new IOException("the connection is closed"));
      ensureOpen();
    }
  }
}
