package dev.snel;

import dev.snel.internal.lifecycle.BackgroundWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Work to do after the response has been written: FastAPI's {@code BackgroundTasks}. Declare a
 * parameter of this type in a handler or a dependency and add tasks; they run in the order added,
 * one after the other on a virtual thread, once the client has the whole response.
 *
 * <pre>{@code
 * @Post("/send-notification/{email}")
 * public Map<String, String> sendNotification(String email, BackgroundTasks tasks) {
 *   tasks.add(() -> writeNotification(email, "some notification"));
 *   return Map.of("message", "Notification sent in the background");
 * }
 * }</pre>
 *
 * <p>A task that throws is logged with the request's id; it changes neither the response (already
 * sent) nor the tasks after it. A task may be retried with backoff ({@link #add(Task, Retry)}). The
 * app tracks the tasks: when it stops, it waits for running and queued ones up to its shutdown
 * timeout and logs those it abandons. A dependency's cleanup registered with {@link
 * Scope#deferAfterBackgroundTasks(Cleanup)} runs after the tasks, so they can still use it.
 *
 * <p>Belongs to its request's thread: add tasks while the request is handled.
 */
public final class BackgroundTasks {
  /** One piece of background work; may throw. */
  @FunctionalInterface
  public interface Task {
    /** Does the work. */
    void run() throws Exception;
  }

  /**
   * How often a failing task is tried again, and how long to wait in between.
   *
   * @param attempts how many times the task runs at most, the first included (at least 1)
   * @param backoff the wait before the second attempt
   * @param multiplier what each following wait is multiplied by (at least 1)
   */
  public record Retry(int attempts, Duration backoff, double multiplier) {
    /** Checks the numbers. */
    public Retry {
      if (attempts < 1 || multiplier < 1 || backoff.isNegative()) {
        throw new IllegalArgumentException(
            "a retry has at least 1 attempt, a backoff of 0 or more and a multiplier of 1 or more");
      }
    }

    /** Up to this many attempts in all, 1 s apart, doubling. */
    public static Retry attempts(int attempts) {
      return new Retry(attempts, Duration.ofSeconds(1), 2);
    }

    /** The same attempts with another first wait. */
    public Retry backoff(Duration backoff) {
      return new Retry(attempts, backoff, multiplier);
    }
  }

  /** A task and its retry policy. */
  record Entry(Task task, Retry retry) {}

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  /** The MDC key of the request id while a request's background tasks run. */
  public static final String REQUEST_ID = "request_id";

  private static final Retry ONCE = new Retry(1, Duration.ZERO, 1);

  private final List<Entry> tasks = new ArrayList<>(2);

  /** An empty list of tasks; Snel makes one per request. */
  public BackgroundTasks() {}

  /** Adds a task to run once. */
  public BackgroundTasks add(Task task) {
    return add(task, ONCE);
  }

  /** Adds a task that is tried again, per the retry policy, while it throws. */
  public BackgroundTasks add(Task task, Retry retry) {
    tasks.add(new Entry(Objects.requireNonNull(task, "task"), Objects.requireNonNull(retry)));
    return this;
  }

  /** Whether no task was added. */
  public boolean isEmpty() {
    return tasks.isEmpty();
  }

  /**
   * Runs the tasks now, in order, on this thread, each with its retries; a task that still fails is
   * logged and the next one runs. Snel calls this after the response is written (Starlette's tasks
   * are callable the same way); call it yourself only for tasks you made outside a request.
   *
   * @return the first failure of a task after its retries; null if every task succeeded
   */
  public @Nullable Exception run() {
    Exception first = null;
    for (Entry entry : List.copyOf(tasks)) {
      Exception failure = runOne(entry);
      if (first == null) {
        first = failure;
      }
    }
    return first;
  }

  private static String requestId() {
    String id = BackgroundWork.requestId();
    if (id == null) {
      id = MDC.get(REQUEST_ID);
    }
    return id == null ? "none" : id;
  }

  private static @Nullable Exception runOne(Entry entry) {
    Retry retry = entry.retry();
    Duration wait = retry.backoff();
    for (int attempt = 1; ; attempt++) {
      try {
        entry.task().run();
        return null;
      } catch (Exception e) {
        String request = requestId();
        if (attempt >= retry.attempts()) {
          LOG.error("A background task failed [request {}]", request, e);
          return e;
        }
        LOG.warn(
            "A background task failed (attempt {} of {}), retrying in {} ms [request {}]: {}",
            attempt,
            retry.attempts(),
            wait.toMillis(),
            request,
            e.toString());
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          LOG.error("A background task was stopped before its retry [request {}]", request, e);
          return e;
        }
        wait =
            Duration.ofNanos((long) Math.min(Long.MAX_VALUE, wait.toNanos() * retry.multiplier()));
      }
    }
  }
}
