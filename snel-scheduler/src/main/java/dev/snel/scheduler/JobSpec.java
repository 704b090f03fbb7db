package dev.snel.scheduler;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A job as added: its name, trigger, options and work. */
record JobSpec(String name, Trigger trigger, JobOptions options, Job job) {
  /** A random delay in [0, jitter], fresh for each fire time. */
  Duration jitterDelay() {
    long max = options.jitter().toNanos();
    return max == 0
        ? Duration.ZERO
        : Duration.ofNanos(ThreadLocalRandom.current().nextLong(max + 1));
  }
}
