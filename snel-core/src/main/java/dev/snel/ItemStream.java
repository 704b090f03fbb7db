package dev.snel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EventStream} and {@link JsonLines} share: the actions run when the stream is done
 * with, like {@link java.util.stream.Stream#onClose(Runnable)}.
 *
 * @param <S> the stream's own type, returned by {@link #onClose(Runnable)}
 */
abstract sealed class ItemStream<S extends ItemStream<S>> implements AutoCloseable
    permits EventStream, JsonLines {
  private final List<Runnable> onClose = new ArrayList<>(1);
  private boolean closed;

  /**
   * Runs the action when the stream ends: after the producer returned or threw (the client went
   * away, say), or, for a response never sent (a HEAD request, a connection closed before its
   * turn), when the server is done with it; before the request's cleanups. Actions run in the order
   * added; one that throws does not keep the others from running.
   */
  @SuppressWarnings("unchecked") // S is this class's own type
  public S onClose(Runnable action) {
    synchronized (onClose) {
      onClose.add(Objects.requireNonNull(action, "action"));
    }
    return (S) this;
  }

  /** Runs the close actions, once; the first failure is thrown after all have run. */
  @Override
  public void close() {
    List<Runnable> actions;
    synchronized (onClose) {
      if (closed) {
        return;
      }
      closed = true;
      actions = List.copyOf(onClose);
    }
    @Nullable RuntimeException failure = null;
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
