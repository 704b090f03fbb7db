package dev.snel.scheduler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One fire time; see {@link Trigger#date(Instant)}. */
record DateTrigger(Instant at) implements Trigger {
  DateTrigger {
    Objects.requireNonNull(at, "at");
  }

  @Override
  public Optional<Instant> first(Instant now) {
    return Optional.of(at);
  }

  @Override
  public Optional<Instant> next(Instant previous, Instant now) {
    // a run that came before the date (run now) leaves the date itself still to come
    return now.isBefore(at) && previous.isBefore(at) ? Optional.of(at) : Optional.empty();
  }

  @Override
  public String toString() {
    return "date[" + at + "]";
  }
}
