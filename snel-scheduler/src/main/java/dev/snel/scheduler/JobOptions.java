package dev.snel.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a job runs besides when: what to do on overlap, how late a run may start, and how much random
 * delay to add. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * JobOptions.defaults()
 *     .overlap(Overlap.QUEUE)
 *     .misfireGraceTime(Duration.ofMinutes(5))
 *     .jitter(Duration.ofSeconds(30))
 * }</pre>
 */
public final class JobOptions {
  private static final JobOptions DEFAULTS = new JobOptions(Overlap.SKIP, null, Duration.ZERO);

  private final Overlap overlap;
  private final @Nullable Duration misfireGraceTime;
  private final Duration jitter;

  private JobOptions(Overlap overlap, @Nullable Duration misfireGraceTime, Duration jitter) {
    this.overlap = overlap;
    this.misfireGraceTime = misfireGraceTime;
    this.jitter = jitter;
  }

  /**
   * Skip on overlap, no misfire grace limit (a late run still runs, once), no jitter: APScheduler
   * 4's defaults.
   */
  public static JobOptions defaults() {
    return DEFAULTS;
  }

  /** What to do when the job is due while it is still running; {@link Overlap#SKIP} by default. */
  public JobOptions overlap(Overlap overlap) {
    return new JobOptions(Objects.requireNonNull(overlap, "overlap"), misfireGraceTime, jitter);
  }

  /**
   * How late a run may start: a run that could only start later than this after its fire time (the
   * app was down, the machine asleep, the cluster busy) is skipped and logged, and the job waits
   * for its next fire time. APScheduler's {@code misfire_grace_time}.
   *
   * @throws IllegalArgumentException if negative
   */
  public JobOptions misfireGraceTime(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("a misfire grace time cannot be negative");
    }
    return new JobOptions(overlap, grace, jitter);
  }

  /**
   * A random delay between zero and this, added to each fire time, so that many jobs (or many apps)
   * due at the same moment do not all start at once. APScheduler's {@code jitter}. The schedule
   * itself does not drift: the next fire time is computed from the one without the delay.
   *
   * @throws IllegalArgumentException if negative
   */
  public JobOptions jitter(Duration jitter) {
    if (jitter.isNegative()) {
      throw new IllegalArgumentException("a jitter cannot be negative");
    }
    return new JobOptions(overlap, misfireGraceTime, jitter);
  }

  /** What happens on overlap. */
  public Overlap overlap() {
    return overlap;
  }

  /** How late a run may start; empty: however late. */
  public Optional<Duration> misfireGraceTime() {
    return Optional.ofNullable(misfireGraceTime);
  }

  /** The largest random delay added to a fire time; zero for none. */
  public Duration jitter() {
    return jitter;
  }

  @Override
  public String toString() {
    return "JobOptions[overlap="
        + overlap
        + ", misfireGraceTime="
        + (misfireGraceTime == null ? "none" : misfireGraceTime)
        + ", jitter="
        + jitter
        + "]";
  }
}
