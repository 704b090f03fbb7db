package dev.snel.netty.internal;

import io.netty.util.concurrent.EventExecutor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code Date} header value (RFC 9110 §6.6.1), formatted once a second by a task on a server's
 * event loop rather than checked against the clock for each response (a clock read costs a response
 * about 40 ns on a VM). Without a running server (a pipeline tested on its own) it is the time it
 * was last formatted.
 */
public final class DateHeader {
  private static volatile String value = format(System.currentTimeMillis());

  private DateHeader() {}

  static String now() {
    return value;
  }

  /**
   * Formats the value now and again just after each second begins, on this event loop, until it
   * shuts down. Several servers in one process each keep it current; the value is the same.
   */
  public static void keepCurrent(EventExecutor loop) {
    long millis = System.currentTimeMillis();
    value = format(millis);
    try {
      var unused =
          loop.schedule(() -> keepCurrent(loop), 1001 - millis % 1000, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // the server stopped: nothing to keep current for
    }
  }

  private static String format(long millis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochSecond(millis / 1000).atOffset(ZoneOffset.UTC));
  }
}
