package dev.snel.scheduler;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Fire times of a cron expression in a zone; see {@link Trigger#cron(String, ZoneId)}. The
 * expression is read and the times computed by db-scheduler's cron schedule (cron-utils inside it),
 * so that a job fires at the same times in one process and in a cluster.
 */
final class CronTrigger implements Trigger {
  private final String expression;
  private final ZoneId zone;
  private final CronSchedule schedule;

  CronTrigger(String expression, ZoneId zone) {
    this.expression = Objects.requireNonNull(expression, "expression").trim();
    this.zone = Objects.requireNonNull(zone, "zone");
    int fields = this.expression.isEmpty() ? 0 : this.expression.split("\\s+").length;
    CronStyle style =
        switch (fields) {
          case 5 -> CronStyle.UNIX;
          case 6 -> CronStyle.SPRING53;
          default ->
              throw new IllegalArgumentException(
                  "a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds"
                      + " first), not "
                      + fields
                      + ": \""
                      + expression
                      + "\"");
        };
    try {
      this.schedule = new CronSchedule(this.expression, zone, style);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read the cron expression \"" + expression + "\": " + e.getMessage(), e);
    }
  }

  String expression() {
    return expression;
  }

  ZoneId zone() {
    return zone;
  }

  @Override
  public Optional<Instant> first(Instant now) {
    return after(now);
  }

  @Override
  public Optional<Instant> next(Instant previous, Instant now) {
    return after(now.isBefore(previous) ? previous : now);
  }

  private Optional<Instant> after(Instant instant) {
    Instant next = schedule.getInitialExecutionTime(instant);
    return next.isBefore(Schedule.NEVER) ? Optional.of(next) : Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronTrigger that
        && expression.equals(that.expression)
        && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, zone);
  }

  @Override
  public String toString() {
    return "cron[" + expression + " " + zone + "]";
  }
}
