package dev.snel.netty.reliability;

/**
 * One row of the attack table: what is sent, what the server must do, and the scenario that sends
 * it over a raw socket and reports what the server did.
 */
record Attack(String name, String sent, String expected, Scenario scenario) {

  /** Runs the attack against the server and reports what happened. */
  interface Scenario {
    Outcome run(Target target) throws Exception;
  }

  /** What the server did, and whether that is what was expected. */
  record Outcome(boolean passed, String observed, String missed) {}
}
