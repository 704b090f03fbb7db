package dev.snel.netty.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite behind {@code docs/reliability.md}: every attack of the table against one
 * server process, then a soak, then the table compared with the committed page.
 *
 * <p>System properties: {@code reliability.soak.seconds} (default 40) and {@code
 * reliability.soak.connections} (default 64) size the soak; {@code reliability.write=true} rewrites
 * the generated sections of {@code docs/reliability.md} instead of comparing them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {
  /**
   * Seconds instead of the defaults' minutes, so that timeouts are seen within the suite; the
   * request timeout stays shorter than the idle timeout, as in the defaults.
   */
  static final Map<String, String> SERVER_PROPERTIES =
      Map.of("reliability.requestTimeout", "PT2S", "reliability.idleTimeout", "PT3S");

  private static final Path DOC = Path.of("..", "docs", "reliability.md");
  private static final Path REPORT = Path.of("target", "reliability.md");

  private ServerProcess server;
  private Target target;
  private final List<Report.Row> rows = new ArrayList<>();
  private Soak.Result soak;

  @BeforeAll
  void startServer() throws IOException {
    Files.deleteIfExists(ServerProcess.logFile());
    server = ServerProcess.start(SERVER_PROPERTIES);
    target = new Target(server);
    target.warmUp();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  static List<Attack> attacks() {
    return Stream.concat(Attacks.framing().stream(), ResourceAttacks.all().stream()).toList();
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> the_server_survives_every_attack_in_the_table() {
    return attacks().stream()
        .map(
            attack ->
                DynamicTest.dynamicTest(
                    attack.name(),
                    () -> {
                      Attack.Outcome outcome = attempt(attack);
                      rows.add(new Report.Row(attack, outcome));
                      assertThat(outcome.passed())
                          .as(
                              "%s: wanted %s; the server did: %s",
                              attack.name(), outcome.missed(), outcome.observed())
                          .isTrue();
                    }));
  }

  /**
   * Runs one attack, then checks that a fresh connection is still served (restarting a dead
   * server).
   */
  private Attack.Outcome attempt(Attack attack) {
    Attack.Outcome outcome;
    try {
      outcome = attack.scenario().run(target);
    } catch (Exception e) {
      outcome = new Attack.Outcome(false, "the scenario failed: " + e, "an answer");
    }
    if (target.serves()) {
      return new Attack.Outcome(
          outcome.passed(), outcome.observed() + "; still serves", outcome.missed());
    }
    // A server that no longer serves is replaced, so that the next attacks meet a healthy one.
    String what = server.alive() ? "STOPPED SERVING" : "THE SERVER PROCESS DIED";
    List<String> measured = target.measurements();
    server.close();
    server = ServerProcess.start(SERVER_PROPERTIES);
    target = new Target(server);
    target.warmUp();
    measured.forEach(target::measured);
    target.measured(
        "After \""
            + attack.name()
            + "\" the server "
            + what.toLowerCase(Locale.ROOT)
            + " and was restarted; see "
            + ServerProcess.logFile()
            + ".");
    String missed =
        outcome.missed().isEmpty() ? "still serves" : outcome.missed() + "; still serves";
    return new Attack.Outcome(false, outcome.observed() + "; " + what, missed);
  }

  @Test
  @Order(2)
  void heap_direct_memory_and_fds_come_back_after_a_soak() throws Exception {
    int seconds = Integer.getInteger("reliability.soak.seconds", 40);
    int connections = Integer.getInteger("reliability.soak.connections", 64);
    soak =
        Soak.run(
            target,
            connections,
            Duration.ofSeconds(seconds),
            Duration.ofSeconds(Math.min(3, seconds)));
    assertThat(soak.unexpected()).as("unexpected answers: %s", soak.unexpectedSamples()).isZero();
    assertThat(soak.heapFlat())
        .as("heap after GC back near the baseline: %s", Soak.describe(soak))
        .isTrue();
    assertThat(soak.directFlat())
        .as("direct memory back near the baseline: %s", Soak.describe(soak))
        .isTrue();
    assertThat(soak.fdsFlat())
        .as("open fds back near the baseline: %s", Soak.describe(soak))
        .isTrue();
  }

  @Test
  @Order(3)
  void docs_reliability_md_shows_the_results_of_this_run() throws IOException {
    assumeTrue(rows.size() == attacks().size(), "the attack table runs only as a whole");
    String table = Report.table(rows);
    String soakSection = soak == null ? "Not run." : Soak.describe(soak);
    String measurements = Report.measurements(target.measurements());
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, Report.standalone(table, measurements, soakSection));
    String doc = Files.readString(DOC);
    if (Boolean.getBoolean("reliability.write")) {
      doc = Report.replace(doc, "attacks", table);
      doc = Report.replace(doc, "measurements", measurements);
      if (soak != null) {
        doc = Report.replace(doc, "soak", soakSection);
      }
      Files.writeString(DOC, doc);
      return;
    }
    assertThat(Report.section(doc, "attacks"))
        .as(
            "docs/reliability.md's attack table differs from this run (%s); regenerate it with"
                + " bin/mvn -B -q -pl snel-netty -am verify -Dtest=ReliabilityTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.write=true",
            REPORT)
        .isEqualTo(table);
  }
}
