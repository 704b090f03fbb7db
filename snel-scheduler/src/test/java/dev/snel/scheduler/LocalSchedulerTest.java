package dev.snel.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalSchedulerTest {
  private static final Duration SHORT = Duration.ofMillis(50);

  /** Waits for a value the job hands over; a bound against hanging, not a timing assertion. */
  private static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
    T value = queue.poll(10, TimeUnit.SECONDS);
    assertThat(value).as("a run within 10 seconds").isNotNull();
    return value;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(10, TimeUnit.SECONDS)).as("within 10 seconds").isTrue();
  }

  @Test
  void an_interval_job_runs_again_and_again_while_the_app_runs_and_stops_with_it()
      throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    BlockingQueue<Instant> runs = new LinkedBlockingQueue<>();
    scheduler.add("tick", Trigger.interval(SHORT), run -> runs.add(run.scheduledTime()));
    app.lifespan(scheduler);

    try (TestClient client = TestClient.withLifespan(app)) {
      Instant first = take(runs);
      Instant second = take(runs);
      Instant third = take(runs);
      assertThat(Duration.between(first, second)).isEqualTo(SHORT);
      assertThat(Duration.between(second, third)).isEqualTo(SHORT);
    }

    runs.clear();
    assertThat(scheduler.nextRun("tick")).isEmpty();
    assertThat(runs.poll(200, TimeUnit.MILLISECONDS)).as("no run after the app stopped").isNull();
  }

  @Test
  void a_failing_job_is_logged_and_keeps_its_schedule() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch threeFailures = new CountDownLatch(3);
    scheduler.add(
        "flaky",
        Trigger.interval(SHORT),
        run -> {
          attempts.incrementAndGet();
          threeFailures.countDown();
          throw new IllegalStateException("the disk is full");
        });

    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Scheduler running = scheduler.start()) {
      await(threeFailures);
      assertThat(running.nextRun("flaky")).isPresent();
    } finally {
      System.setErr(original);
    }

    assertThat(attempts.get()).isGreaterThanOrEqualTo(3);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Job 'flaky'")
        .contains("keeps its schedule")
        .contains("IllegalStateException: the disk is full");
  }

  @Test
  void a_due_run_is_skipped_while_the_previous_one_is_still_going() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    scheduler.add(
        "slow",
        Trigger.interval(SHORT),
        run -> {
          mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          runs.incrementAndGet();
          started.countDown();
          release.await();
          concurrent.decrementAndGet();
        });

    try (Scheduler running = scheduler.start()) {
      await(started);
      assertThat(running.running("slow")).isTrue();
      assertThat(running.runNow("slow")).as("run now while it runs: skipped").isFalse();
      Thread.sleep(SHORT.multipliedBy(4).toMillis()); // several fire times pass meanwhile
      assertThat(runs.get()).isEqualTo(1);
      release.countDown();
    }
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void with_overlap_queue_a_due_run_starts_when_the_previous_one_ends() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    scheduler.add(
        "report",
        Trigger.interval(Duration.ofHours(1)),
        JobOptions.defaults().overlap(Overlap.QUEUE),
        run -> {
          mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          events.add("start");
          release.await();
          concurrent.decrementAndGet();
          events.add("end");
        });

    try (Scheduler running = scheduler.start()) {
      assertThat(running.runNow("report")).isTrue();
      assertThat(take(events)).isEqualTo("start");
      assertThat(running.runNow("report")).as("queued").isTrue();
      assertThat(running.runNow("report")).as("joins the one queued run").isTrue();
      release.countDown();
      assertThat(List.of(take(events), take(events), take(events)))
          .containsExactly("end", "start", "end");
      assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("one queued run, not two").isNull();
    }
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void a_run_later_than_its_misfire_grace_time_is_skipped() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    Instant tenSecondsAgo = Instant.now().minusSeconds(10);
    scheduler.add(
        "strict",
        Trigger.date(tenSecondsAgo),
        JobOptions.defaults().misfireGraceTime(Duration.ofSeconds(1)),
        run -> runs.add("strict"));
    scheduler.add(
        "lenient",
        Trigger.date(tenSecondsAgo),
        JobOptions.defaults().misfireGraceTime(Duration.ofMinutes(1)),
        run -> runs.add("lenient"));
    scheduler.add("any time", Trigger.date(tenSecondsAgo), run -> runs.add("any time"));

    try (Scheduler running = scheduler.start()) {
      assertThat(List.of(take(runs), take(runs))).containsExactlyInAnyOrder("lenient", "any time");
      assertThat(runs.poll(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(running.nextRun("strict")).as("a date job that has passed").isEmpty();
    }
  }

  @Test
  void run_now_runs_the_job_at_once_and_leaves_its_schedule_alone() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    BlockingQueue<Instant> runs = new LinkedBlockingQueue<>();
    scheduler.add("nightly", Trigger.cron("0 3 * * *"), run -> runs.add(run.scheduledTime()));

    try (Scheduler running = scheduler.start()) {
      Instant next = running.nextRun("nightly").orElseThrow();
      Instant before = Instant.now();
      assertThat(running.runNow("nightly")).isTrue();
      assertThat(take(runs)).isBetween(before, Instant.now());
      assertThat(running.nextRun("nightly")).contains(next);
    }
  }

  @Test
  void the_next_run_is_visible_and_jitter_only_delays_it() {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    Instant at = Instant.now().plus(Duration.ofHours(1));
    scheduler.add(
        "spread", Trigger.date(at), JobOptions.defaults().jitter(Duration.ofMinutes(5)), run -> {});

    assertThat(scheduler.nextRun("spread")).as("not started").isEmpty();
    try (Scheduler running = scheduler.start()) {
      assertThat(running.nextRun("spread").orElseThrow())
          .isBetween(at, at.plus(Duration.ofMinutes(5)));
    }
  }

  /** A session that records how it ended, as a database session would commit or roll back. */
  static final class Session {
    final List<String> log;

    Session(List<String> log) {
      this.log = log;
    }
  }

  /** A dependency class: a session per scope, closed by the scope's cleanup. */
  public static final class OpenSession {
    private final List<String> log;

    public OpenSession(List<String> log) {
      this.log = log;
    }

    public Session open(Scope scope) {
      Session session = new Session(log);
      log.add("open");
      scope.defer(failure -> log.add(failure == null ? "commit" : "rollback"));
      return session;
    }
  }

  @Test
  void each_run_resolves_dependencies_in_a_scope_of_its_own_closed_when_the_run_ends()
      throws Exception {
    Snel app = Snel.create();
    List<String> log = new CopyOnWriteArrayList<>();
    app.provide(List.class, log);
    Scheduler scheduler = Scheduler.create(app);
    CountDownLatch twoRuns = new CountDownLatch(2);
    List<Session> sessions = new CopyOnWriteArrayList<>();
    scheduler.add(
        "cleanup",
        Trigger.interval(Duration.ofHours(1)),
        JobOptions.defaults().overlap(Overlap.QUEUE),
        run -> {
          Session session = run.scope().get(OpenSession.class, Session.class);
          assertThat(run.scope().get(OpenSession.class, Session.class)).isSameAs(session);
          sessions.add(session);
          session.log.add("work");
          twoRuns.countDown();
          if (sessions.size() == 2) {
            throw new IllegalStateException("second run fails");
          }
        });

    try (Scheduler running = scheduler.start()) {
      running.runNow("cleanup");
      running.runNow("cleanup");
      await(twoRuns);
    }

    assertThat(sessions).hasSize(2).doesNotHaveDuplicates();
    assertThat(log).containsExactly("open", "work", "commit", "open", "work", "rollback");
  }

  /** Handlers that take the scheduler: the next run, and run now. */
  public static final class Admin {
    @Get("/jobs/{name}")
    public Map<String, Object> next(String name, Scheduler scheduler) {
      return Map.of(
          "name", name, "next_run", scheduler.nextRun(name).map(Instant::toString).orElse(""));
    }

    @Post("/jobs/{name}/run")
    public Map<String, Object> run(String name, Scheduler scheduler) {
      return Map.of("started", scheduler.runNow(name));
    }
  }

  @Test
  void a_handler_takes_the_scheduler_to_show_the_next_run_and_run_a_job_now() throws Exception {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    BlockingQueue<String> runs = new LinkedBlockingQueue<>();
    Instant at = Instant.parse("2099-01-01T00:00:00Z");
    scheduler.add("newyear", Trigger.date(at), run -> runs.add(run.job()));
    app.include(new Admin()).lifespan(scheduler);

    try (TestClient client = TestClient.withLifespan(app)) {
      assertThat(client.get("/jobs/newyear").json().get("next_run").asString())
          .isEqualTo("2099-01-01T00:00:00Z");
      assertThat(client.post("/jobs/newyear/run", Map.of()).json().get("started").asBoolean())
          .isTrue();
      assertThat(take(runs)).isEqualTo("newyear");
    }
  }

  @Test
  void jobs_are_added_before_the_start_under_names_of_their_own() {
    Snel app = Snel.create();
    Scheduler scheduler = Scheduler.create(app);
    scheduler.add("a", Trigger.interval(Duration.ofHours(1)), run -> {});

    assertThatThrownBy(() -> scheduler.add("a", Trigger.interval(Duration.ofHours(1)), run -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two jobs named 'a'");
    assertThatThrownBy(() -> scheduler.nextRun("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no job named 'b'");
    try (Scheduler running = scheduler.start()) {
      assertThatThrownBy(() -> running.add("c", Trigger.interval(SHORT), run -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before it starts");
      assertThat(running.jobs()).containsExactly("a");
    }
  }
}
