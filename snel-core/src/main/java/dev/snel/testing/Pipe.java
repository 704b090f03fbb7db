package dev.snel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A bounded pipe from a streamed body's writer to a test reading it, as a socket is between a
 * server and its client: the writer blocks while the test has not read what is there, the test
 * blocks until there is something to read. The JDK's piped streams wake their reader only once a
 * second unless the writer flushes, which would make every unflushed stream look slow.
 */
final class Pipe {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final byte[] ring;
  private int start;
  private int size;
  private boolean ended;
  private boolean abandoned;
  private @Nullable IOException failure;

  Pipe(int capacity) {
    ring = new byte[capacity];
  }

  /** The writer's side; writes throw once the reader has closed its side. */
  final OutputStream out =
      new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          Objects.checkFromIndexSize(offset, length, bytes.length);
          lock.lock();
          try {
            int done = 0;
            while (done < length) {
              while (size == ring.length && !abandoned) {
                changed.await();
              }
              if (abandoned) {
                throw new IOException("the test closed the stream");
              }
              int n = Math.min(length - done, ring.length - size);
              for (int i = 0; i < n; i++) {
                ring[(start + size + i) % ring.length] = bytes[offset + done + i];
              }
              size += n;
              done += n;
              changed.signalAll();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the test was slow to read");
          } finally {
            lock.unlock();
          }
        }
      };

  /** The reader's side: the body up to its end, then the writer's failure, if any. */
  final InputStream in =
      new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
          Objects.checkFromIndexSize(offset, length, bytes.length);
          if (length == 0) {
            return 0;
          }
          lock.lock();
          try {
            while (size == 0 && !ended && !abandoned) {
              changed.await();
            }
            if (abandoned) {
              throw new IOException("the stream is closed");
            }
            if (size == 0) {
              if (failure != null) {
                throw failure;
              }
              return -1;
            }
            int n = Math.min(length, size);
            for (int i = 0; i < n; i++) {
              bytes[offset + i] = ring[(start + i) % ring.length];
            }
            start = (start + n) % ring.length;
            size -= n;
            changed.signalAll();
            return n;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the stream");
          } finally {
            lock.unlock();
          }
        }

        @Override
        public int available() {
          lock.lock();
          try {
            return size;
          } finally {
            lock.unlock();
          }
        }

        @Override
        public void close() {
          abandon();
        }
      };

  /** The writer is done: the reader sees the end after the rest, or this failure. */
  void end(@Nullable IOException failed) {
    lock.lock();
    try {
      ended = true;
      failure = failed;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The reader is done: the writer's next write throws. */
  void abandon() {
    lock.lock();
    try {
      abandoned = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
