package dev.snel.examples.scheduler;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Scope;
import dev.snel.Snel;
import dev.snel.scheduler.JobOptions;
import dev.snel.scheduler.Overlap;
import dev.snel.scheduler.Scheduler;
import dev.snel.scheduler.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The rest of the tutorial page: cron and date triggers, job options, a job that uses a dependency,
 * and routes that show a job's next run and run it now.
 */
public final class MoreJobs {
  private MoreJobs() {}

  /** A stand-in for a database session: it records what was done and how it ended. */
  public record Session(List<String> log) {
    /** Deletes what has expired. */
    public void deleteExpired() {
      log.add("deleted expired rows");
    }
  }

  /** A dependency: a session per scope, committed or rolled back when the scope ends. */
  public static final class GetSession {
    private final List<String> log;

    /** The app's log of sessions, provided as a singleton. */
    public GetSession(List<String> log) {
      this.log = log;
    }

    /** Opens a session; the scope's cleanup ends it. */
    public Session get(Scope scope) {
      scope.defer(failure -> log.add(failure == null ? "commit" : "rollback"));
      return new Session(log);
    }
  }

  /** Routes that take the scheduler. */
  public static final class Jobs {
    /** {@code GET /jobs/nightly_report} answers when the job runs next. */
    @Get("/jobs/{name}")
    public Map<String, Object> nextRun(String name, Scheduler scheduler) {
      return Map.of(
          "job", name, "next_run", scheduler.nextRun(name).map(Instant::toString).orElse("none"));
    }

    /** {@code POST /jobs/nightly_report/run} runs it now. */
    @Post("/jobs/{name}/run")
    public Map<String, Object> runNow(String name, Scheduler scheduler) {
      return Map.of("job", name, "started", scheduler.runNow(name));
    }
  }

  /** The app; {@code log} collects what the sessions did. */
  public static Snel app(List<String> log) {
    Snel app = Snel.create();
    app.provide(List.class, log);
    Scheduler scheduler = Scheduler.create(app);

    scheduler.add(
        "nightly_report",
        Trigger.cron("0 3 * * *", ZoneId.of("Europe/Amsterdam")),
        run -> System.out.println("Report for " + run.scheduledTime()));

    scheduler.add(
        "heartbeat",
        Trigger.cron("*/10 * * * * *"),
        JobOptions.defaults().misfireGraceTime(Duration.ofSeconds(5)),
        run -> System.out.println("Still alive."));

    scheduler.add(
        "new_year",
        Trigger.date(Instant.parse("2099-01-01T00:00:00Z")),
        run -> System.out.println("Happy new year!"));

    scheduler.add(
        "purge",
        Trigger.interval(Duration.ofHours(1)),
        JobOptions.defaults().overlap(Overlap.QUEUE).jitter(Duration.ofMinutes(5)),
        run -> {
          Session session = run.scope().get(GetSession.class, Session.class);
          session.deleteExpired();
        });

    app.lifespan(scheduler);
    return app.include(new Jobs());
  }

  /** Serves the app on 127.0.0.1:8000. */
  public static void main(String[] args) {
    dev.snel.netty.SnelServer.run(app(new CopyOnWriteArrayList<>()));
  }
}
