package dev.snel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  private static Instant utc(String instant) {
    return Instant.parse(instant);
  }

  /** The next {@code count} fire times after {@code now}, as a scheduler would go through them. */
  private static List<ZonedDateTime> fireTimes(
      Trigger trigger, Instant now, int count, ZoneId zone) {
    List<ZonedDateTime> times = new ArrayList<>();
    Optional<Instant> next = trigger.first(now);
    while (next.isPresent() && times.size() < count) {
      times.add(next.get().atZone(zone));
      next = trigger.next(next.get(), next.get());
    }
    return times;
  }

  @Test
  void an_interval_without_a_start_fires_one_interval_after_the_scheduler_starts() {
    Trigger trigger = Trigger.interval(Duration.ofMinutes(10));
    Instant now = utc("2026-03-01T12:00:00Z");

    assertThat(trigger.first(now)).contains(utc("2026-03-01T12:10:00Z"));
    assertThat(trigger.next(utc("2026-03-01T12:10:00Z"), utc("2026-03-01T12:10:00.005Z")))
        .contains(utc("2026-03-01T12:20:00Z"));
  }

  @Test
  void an_interval_keeps_its_grid_and_runs_fire_times_missed_meanwhile_once() {
    Trigger trigger = Trigger.interval(Duration.ofMinutes(10));

    // due at 12:10, but the run ended at 12:47: 12:20, 12:30 and 12:40 are not run one by one
    assertThat(trigger.next(utc("2026-03-01T12:10:00Z"), utc("2026-03-01T12:47:00Z")))
        .contains(utc("2026-03-01T12:50:00Z"));
  }

  @Test
  void an_interval_with_a_start_fires_at_the_start_or_at_the_next_point_of_its_grid() {
    Trigger future = Trigger.interval(Duration.ofHours(1), utc("2026-03-01T15:30:00Z"));
    Trigger past = Trigger.interval(Duration.ofHours(1), utc("2026-03-01T08:30:00Z"));
    Instant now = utc("2026-03-01T12:00:00Z");

    assertThat(future.first(now)).contains(utc("2026-03-01T15:30:00Z"));
    assertThat(past.first(now)).contains(utc("2026-03-01T12:30:00Z"));
    assertThat(past.first(utc("2026-03-01T12:30:00Z"))).contains(utc("2026-03-01T12:30:00Z"));
  }

  @Test
  void an_interval_must_be_positive() {
    assertThatThrownBy(() -> Trigger.interval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void a_five_field_cron_expression_reads_like_crontab() {
    Trigger weekdays = Trigger.cron("30 9 * * MON-FRI", ZoneId.of("UTC"));
    Instant friday = utc("2026-03-06T10:00:00Z");

    assertThat(fireTimes(weekdays, friday, 3, ZoneId.of("UTC")))
        .extracting(ZonedDateTime::toInstant)
        .containsExactly(
            utc("2026-03-09T09:30:00Z"), utc("2026-03-10T09:30:00Z"), utc("2026-03-11T09:30:00Z"));
  }

  @Test
  void a_six_field_cron_expression_has_the_seconds_first() {
    Trigger everyTenSeconds = Trigger.cron("*/10 * * * * *", ZoneId.of("UTC"));

    assertThat(fireTimes(everyTenSeconds, utc("2026-03-01T12:00:03Z"), 3, ZoneId.of("UTC")))
        .extracting(ZonedDateTime::toInstant)
        .containsExactly(
            utc("2026-03-01T12:00:10Z"), utc("2026-03-01T12:00:20Z"), utc("2026-03-01T12:00:30Z"));
  }

  @Test
  void a_daily_cron_job_keeps_its_wall_clock_time_across_the_change_to_summer_time() {
    Trigger nineOClock = Trigger.cron("0 9 * * *", AMSTERDAM);

    // Amsterdam moves from UTC+1 to UTC+2 in the night of Sunday 29 March 2026
    List<ZonedDateTime> times =
        fireTimes(nineOClock, at("2026-03-27T12:00", AMSTERDAM), 3, AMSTERDAM);

    assertThat(times)
        .extracting(time -> time.toLocalDateTime().toString())
        .containsExactly("2026-03-28T09:00", "2026-03-29T09:00", "2026-03-30T09:00");
    assertThat(times)
        .extracting(ZonedDateTime::toInstant)
        .containsExactly(
            utc("2026-03-28T08:00:00Z"), utc("2026-03-29T07:00:00Z"), utc("2026-03-30T07:00:00Z"));
  }

  @Test
  void a_cron_time_the_zone_skips_is_not_run_that_day() {
    Trigger halfPastTwo = Trigger.cron("30 2 * * *", AMSTERDAM);

    // 02:30 does not exist on 29 March 2026 in Amsterdam (02:00 becomes 03:00)
    assertThat(fireTimes(halfPastTwo, at("2026-03-28T12:00", AMSTERDAM), 2, AMSTERDAM))
        .extracting(time -> time.toLocalDateTime().toString())
        .containsExactly("2026-03-30T02:30", "2026-03-31T02:30");
  }

  @Test
  void a_cron_time_the_zone_repeats_is_run_once() {
    Trigger halfPastTwo = Trigger.cron("30 2 * * *", AMSTERDAM);

    // 02:30 happens twice on 25 October 2026 in Amsterdam (03:00 goes back to 02:00)
    List<ZonedDateTime> times =
        fireTimes(halfPastTwo, at("2026-10-24T12:00", AMSTERDAM), 3, AMSTERDAM);

    assertThat(times)
        .extracting(time -> time.toLocalDate().toString())
        .containsExactly("2026-10-25", "2026-10-26", "2026-10-27");
  }

  @Test
  void a_cron_job_every_hour_runs_every_real_hour_across_the_change_to_winter_time() {
    Trigger hourly = Trigger.cron("0 * * * *", AMSTERDAM);

    List<ZonedDateTime> times = fireTimes(hourly, at("2026-10-25T00:30", AMSTERDAM), 4, AMSTERDAM);

    // 01:00 +02:00, 02:00 +02:00, 02:00 +01:00, 03:00 +01:00: one hour apart each
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1).toInstant(), times.get(i).toInstant()))
          .isEqualTo(Duration.ofHours(1));
    }
  }

  @Test
  void a_cron_expression_that_cannot_be_read_is_refused_when_the_trigger_is_made() {
    assertThatThrownBy(() -> Trigger.cron("61 * * * *", AMSTERDAM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("61 * * * *");
    assertThatThrownBy(() -> Trigger.cron("* * *", AMSTERDAM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 fields");
  }

  @Test
  void a_date_fires_once_even_when_it_has_passed() {
    Trigger once = Trigger.date(utc("2026-03-01T12:00:00Z"));

    assertThat(once.first(utc("2026-03-01T11:00:00Z"))).contains(utc("2026-03-01T12:00:00Z"));
    assertThat(once.first(utc("2026-03-01T13:00:00Z"))).contains(utc("2026-03-01T12:00:00Z"));
    assertThat(once.next(utc("2026-03-01T12:00:00Z"), utc("2026-03-01T12:00:01Z"))).isEmpty();
  }
}
