package dev.snel.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a job runs: APScheduler's three triggers, {@code "interval"}, {@code "cron"} and {@code
 * "date"}.
 *
 * <pre>{@code
 * Trigger.interval(Duration.ofHours(24))                 // every day, from a day after start
 * Trigger.cron("0 3 * * *", ZoneId.of("Europe/Amsterdam")) // 03:00 in Amsterdam, also across DST
 * Trigger.cron("*&#47;10 * * * * *")                       // six fields: every ten seconds
 * Trigger.date(Instant.parse("2026-01-01T00:00:00Z"))    // once
 * }</pre>
 *
 * <p>A trigger is a value: it computes fire times and holds no state, so one trigger may serve
 * several jobs and schedulers.
 */
public sealed interface Trigger permits IntervalTrigger, CronTrigger, DateTrigger {
  /**
   * Every {@code every}, the first time one interval after the scheduler starts (APScheduler's
   * {@code "interval"} trigger without a {@code start_date}).
   *
   * @throws IllegalArgumentException if the interval is not positive
   */
  static Trigger interval(Duration every) {
    return new IntervalTrigger(every, null);
  }

  /**
   * Every {@code every} on the grid {@code start + n × every}: the first fire time is {@code
   * start}, or, when that has passed, the next point of the grid.
   *
   * @throws IllegalArgumentException if the interval is not positive
   */
  static Trigger interval(Duration every, Instant start) {
    return new IntervalTrigger(every, start);
  }

  /**
   * A cron expression in this JVM's default time zone. See {@link #cron(String, ZoneId)}.
   *
   * @throws IllegalArgumentException if the expression cannot be read
   */
  static Trigger cron(String expression) {
    return new CronTrigger(expression, ZoneId.systemDefault());
  }

  /**
   * A cron expression read in a time zone: five fields as in crontab ({@code minute hour
   * day-of-month month day-of-week}), or six with the seconds first ({@code second minute hour
   * day-of-month month day-of-week}). Lists, ranges, steps and names ({@code MON-FRI}, {@code JAN})
   * are allowed. Fire times are wall-clock times in the zone: a job at 03:00 runs at 03:00 in
   * summer and in winter; a time the zone skips (spring forward) is not run that day, and a time it
   * repeats (fall back) runs once.
   *
   * @throws IllegalArgumentException if the expression cannot be read
   */
  static Trigger cron(String expression, ZoneId zone) {
    return new CronTrigger(expression, zone);
  }

  /** Once, at that instant (APScheduler's {@code "date"} trigger). */
  static Trigger date(Instant at) {
    return new DateTrigger(at);
  }

  /**
   * The first fire time for a scheduler starting at {@code now}: for a date, the date itself even
   * if it has passed (the job's misfire grace time decides whether it still runs).
   */
  Optional<Instant> first(Instant now);

  /**
   * The fire time after a run that was due at {@code previous}, computed at {@code now}: the first
   * one after both, so fire times missed while the app was down or busy are run at most once. Empty
   * when the trigger fires no more.
   */
  Optional<Instant> next(Instant previous, Instant now);
}
