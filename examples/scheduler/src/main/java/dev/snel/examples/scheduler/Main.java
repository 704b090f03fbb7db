package dev.snel.examples.scheduler;

import dev.snel.Get;
import dev.snel.Json;
import dev.snel.Snel;
import dev.snel.netty.SnelServer;
import dev.snel.scheduler.Scheduler;
import dev.snel.scheduler.Trigger;
import java.time.Duration;
import java.util.Map;

/**
 * The scheduled-jobs tutorial (docs/tutorial/scheduled-jobs.md): FastAPI with APScheduler's {@code
 * BackgroundScheduler}, a {@code daily_cleanup} interval job started and stopped by the app's
 * lifespan.
 */
public final class Main {
  private Main() {}

  /** The one route: the app is up, the jobs print to the console. */
  public static final class Root {
    /** {@code {"message": "The app is running, check the console"}}. */
    @Get("/")
    public Map<String, Object> readRoot() {
      return Json.object("message", "The app is running, check the console");
    }
  }

  /** The job: what a real app would clean up, it prints. */
  static void dailyCleanup() {
    System.out.println("Time for cleanup.");
  }

  /** The app, with a scheduler that runs in this process. */
  public static Snel app(Duration cleanupEvery) {
    Snel app = Snel.create();
    return withJobs(app, Scheduler.create(app), cleanupEvery);
  }

  /** Adds the jobs, the lifespan that starts and stops the scheduler, and the route. */
  static Snel withJobs(Snel app, Scheduler scheduler, Duration cleanupEvery) {
    scheduler.add("daily_cleanup", Trigger.interval(cleanupEvery), run -> dailyCleanup());
    app.lifespan(
        () -> {
          scheduler.start();
          System.out.println("Scheduler started...");
          return () -> {
            scheduler.close();
            System.out.println("Scheduler stopped.");
          };
        });
    return app.include(new Root());
  }

  /**
   * Serves the app on 127.0.0.1:8000; {@code CLEANUP_EVERY} (an ISO-8601 duration such as {@code
   * PT10S}) sets the interval, a day by default.
   */
  public static void main(String[] args) {
    SnelServer.run(app(cleanupEvery()));
  }

  static Duration cleanupEvery() {
    String every = System.getenv("CLEANUP_EVERY");
    return every == null || every.isBlank() ? Duration.ofDays(1) : Duration.parse(every);
  }
}
