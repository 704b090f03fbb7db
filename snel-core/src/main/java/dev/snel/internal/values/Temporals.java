package dev.snel.internal.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ISO-8601 dates and times as pydantic v2 reads them from strings (RFC 3339 plus its leniencies:
 * {@code t}, {@code _} or a space as the separator, optional seconds, fraction digits past the 6th
 * dropped, unix timestamps), with the error texts of pydantic's {@code speedate} parser.
 *
 * <p>A datetime without an offset becomes UTC where the Java type needs an offset; a {@link
 * LocalDateTime} keeps the wall-clock time of a string that has one.
 */
final class Temporals {
  private Temporals() {}

  private static final long MS_THRESHOLD = 20_000_000_000L;

  static LocalDate localDate(String raw) {
    try {
      if (isTimestamp(raw)) {
        OffsetDateTime moment = fromTimestamp(raw);
        if (!moment.toLocalTime().equals(LocalTime.MIDNIGHT)) {
          throw inexact();
        }
        return moment.toLocalDate();
      }
      Cursor cursor = new Cursor(raw);
      LocalDate date = cursor.date();
      if (cursor.atEnd()) {
        return date;
      }
      cursor.dateTimeSeparator();
      LocalTime time = cursor.time();
      cursor.offset();
      cursor.end();
      if (!time.equals(LocalTime.MIDNIGHT)) {
        throw inexact();
      }
      return date;
    } catch (Invalid e) {
      throw failure(
          "date_from_datetime_parsing", "Input should be a valid date or datetime, ", e.error);
    }
  }

  static OffsetDateTime offsetDateTime(String raw) {
    try {
      if (isTimestamp(raw)) {
        return fromTimestamp(raw);
      }
      Cursor cursor = new Cursor(raw);
      LocalDate date = cursor.date();
      if (cursor.atEnd()) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      cursor.dateTimeSeparator();
      LocalTime time = cursor.time();
      ZoneOffset offset = cursor.offset();
      cursor.end();
      return OffsetDateTime.of(date, time, offset == null ? ZoneOffset.UTC : offset);
    } catch (Invalid e) {
      throw failure(
          "datetime_from_date_parsing",
          "Input should be a valid datetime or date, ",
          dateError(raw, e));
    }
  }

  static LocalDateTime localDateTime(String raw) {
    try {
      if (isTimestamp(raw)) {
        return fromTimestamp(raw).toLocalDateTime();
      }
      Cursor cursor = new Cursor(raw);
      LocalDate date = cursor.date();
      if (cursor.atEnd()) {
        return date.atStartOfDay();
      }
      cursor.dateTimeSeparator();
      LocalTime time = cursor.time();
      cursor.offset();
      cursor.end();
      return LocalDateTime.of(date, time);
    } catch (Invalid e) {
      throw failure(
          "datetime_from_date_parsing",
          "Input should be a valid datetime or date, ",
          dateError(raw, e));
    }
  }

  static LocalTime localTime(String raw) {
    try {
      Cursor cursor = new Cursor(raw);
      LocalTime time = cursor.time();
      cursor.offset();
      cursor.end();
      return time;
    } catch (Invalid e) {
      throw failure("time_parsing", "Input should be in a valid time format, ", e.error);
    }
  }

  /**
   * In lax mode pydantic retries a string that is not a datetime as a date, and reports why that
   * failed: a valid date followed by anything is "extra characters", whatever was wrong after it.
   */
  private static String dateError(String raw, Invalid datetimeError) {
    if (isTimestamp(raw)) {
      return datetimeError.error;
    }
    try {
      new Cursor(raw).date();
    } catch (Invalid e) {
      return e.error;
    }
    return raw.length() > 10
        ? "unexpected extra characters at the end of the input"
        : datetimeError.error;
  }

  private static ConversionException inexact() {
    return new ConversionException(
        "date_from_datetime_inexact",
        "Datetimes provided to dates should have zero time - e.g. be exact dates");
  }

  private static ConversionException failure(String type, String prefix, String error) {
    return new ConversionException(type, prefix + error, Map.of("error", error));
  }

  private static boolean isTimestamp(String raw) {
    if (raw.isEmpty()) {
      return false;
    }
    int start = raw.charAt(0) == '-' ? 1 : 0;
    if (start == raw.length()) {
      return false;
    }
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return raw.indexOf('-', 1) < 0;
  }

  private static OffsetDateTime fromTimestamp(String raw) {
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new Invalid("invalid character in year");
    }
    double millis = Math.abs(value) > MS_THRESHOLD ? value : value * 1000;
    try {
      return Instant.ofEpochMilli((long) millis).atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new Invalid("value is outside expected range");
    }
  }

  /** A speedate-style error text, thrown inside the parser and wrapped by the caller. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String error;

    Invalid(String error) {
      super(error, null, false, false);
      this.error = error;
    }
  }

  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos == text.length();
    }

    LocalDate date() {
      if (text.length() < 10) {
        throw new Invalid("input is too short");
      }
      int year = digits(4, "invalid character in year");
      expect('-', "invalid date separator, expected `-`");
      int month = digits(2, "invalid character in month");
      expect('-', "invalid date separator, expected `-`");
      int day = digits(2, "invalid character in day");
      if (month < 1 || month > 12) {
        throw new Invalid("month value is outside expected range of 1-12");
      }
      try {
        return LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new Invalid("day value is outside expected range");
      }
    }

    void dateTimeSeparator() {
      char c = text.charAt(pos);
      if (c != 'T' && c != 't' && c != ' ' && c != '_') {
        throw new Invalid("invalid datetime separator, expected `T`, `t`, `_` or space");
      }
      pos++;
    }

    LocalTime time() {
      if (text.length() - pos < 5) {
        throw new Invalid("input is too short");
      }
      int hour = digits(2, "invalid character in hour");
      expect(':', "invalid time separator, expected `:`");
      int minute = digits(2, "invalid character in minute");
      if (hour > 23) {
        throw new Invalid("hour value is outside expected range of 0-23");
      }
      if (minute > 59) {
        throw new Invalid("minute value is outside expected range of 0-59");
      }
      int second = 0;
      int nanos = 0;
      if (!atEnd() && text.charAt(pos) == ':') {
        pos++;
        if (text.length() - pos < 2) {
          throw new Invalid("input is too short");
        }
        second = digits(2, "invalid character in second");
        if (second > 59) {
          throw new Invalid("second value is outside expected range of 0-59");
        }
        if (!atEnd() && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
          pos++;
          int start = pos;
          while (!atEnd() && Character.isDigit(text.charAt(pos))) {
            pos++;
          }
          int count = pos - start;
          if (count == 0) {
            throw new Invalid("second fraction digits missing after `.`");
          }
          // pydantic truncates (microseconds_precision="truncate"): digits past the 6th drop
          String micros = text.substring(start, start + Math.min(count, 6));
          nanos = Integer.parseInt(micros + "000000000".substring(micros.length()));
        }
      }
      return LocalTime.of(hour, minute, second, nanos);
    }

    /** An optional {@code Z} or {@code ±HH[:]MM}; null when absent. */
    @Nullable ZoneOffset offset() {
      if (atEnd()) {
        return null;
      }
      char c = text.charAt(pos);
      if (c == 'Z' || c == 'z') {
        pos++;
        return ZoneOffset.UTC;
      }
      if (c != '+' && c != '-') {
        throw new Invalid("invalid timezone sign");
      }
      pos++;
      int hours = digits(2, "invalid timezone hour");
      if (!atEnd() && text.charAt(pos) == ':') {
        pos++;
      }
      int minutes = digits(2, "invalid timezone minute");
      if (minutes > 59) {
        throw new Invalid("timezone minute value is outside expected range of 0-59");
      }
      try {
        int seconds = (hours * 3600 + minutes * 60) * (c == '-' ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(seconds);
      } catch (DateTimeException e) {
        throw new Invalid("timezone offset must be less than 24 hours");
      }
    }

    void end() {
      if (!atEnd()) {
        throw new Invalid("unexpected extra characters at the end of the input");
      }
    }

    private int digits(int count, String error) {
      if (text.length() - pos < count) {
        throw new Invalid(error);
      }
      int value = 0;
      for (int i = 0; i < count; i++) {
        char c = text.charAt(pos++);
        if (c < '0' || c > '9') {
          throw new Invalid(error);
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }

    private void expect(char c, String error) {
      if (atEnd() || text.charAt(pos) != c) {
        throw new Invalid(error);
      }
      pos++;
    }
  }
}
