package dev.snel.netty.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a scenario saw and which expectations it missed. What is seen goes into the
 * committed table, so it must not vary between runs of a server that behaves the same: no timings,
 * no byte counts that depend on scheduling.
 */
final class Verdict {
  private final List<String> seen = new ArrayList<>();
  private final List<String> missed = new ArrayList<>();

  Verdict saw(String fact) {
    seen.add(fact);
    return this;
  }

  Verdict require(boolean met, String expectation) {
    if (!met) {
      missed.add(expectation);
    }
    return this;
  }

  Attack.Outcome outcome() {
    return new Attack.Outcome(missed.isEmpty(), String.join("; ", seen), String.join("; ", missed));
  }
}
