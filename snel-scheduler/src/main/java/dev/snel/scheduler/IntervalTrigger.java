package dev.snel.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Fire times on a grid of equal steps; see {@link Trigger#interval(Duration)}. */
record IntervalTrigger(Duration every, @Nullable Instant start) implements Trigger {
  IntervalTrigger {
    Objects.requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("an interval must be positive, not " + every);
    }
  }

  @Override
  public Optional<Instant> first(Instant now) {
    Instant origin = start;
    if (origin == null) {
      return Optional.of(now.plus(every));
    }
    if (!origin.isBefore(now)) {
      return Optional.of(origin);
    }
    long steps = ceilDiv(Duration.between(origin, now).toNanos(), every.toNanos());
    return Optional.of(origin.plus(every.multipliedBy(steps)));
  }

  @Override
  public Optional<Instant> next(Instant previous, Instant now) {
    if (now.isBefore(previous)) {
      return Optional.of(previous.plus(every));
    }
    // the first point of the grid through previous that lies after now
    long steps = Duration.between(previous, now).toNanos() / every.toNanos() + 1;
    return Optional.of(previous.plus(every.multipliedBy(steps)));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public String toString() {
    return "interval[" + every + (start == null ? "" : ", from " + start) + "]";
  }
}
