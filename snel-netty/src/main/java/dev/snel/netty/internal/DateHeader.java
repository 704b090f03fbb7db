package dev.snel.netty.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value (RFC 9110 §6.6.1), formatted at most once per second. */
final class DateHeader {
  private static volatile Cached cached = new Cached(0, "");

  private record Cached(long second, String value) {}

  private DateHeader() {}

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Cached current = cached;
    if (current.second() != second) {
      String value =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC));
      current = new Cached(second, value);
      cached = current;
    }
    return current.value();
  }
}
