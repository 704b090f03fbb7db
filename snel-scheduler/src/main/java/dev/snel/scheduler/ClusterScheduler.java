package dev.snel.scheduler;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.snel.Snel;
import dev.snel.internal.threads.VirtualThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One replica's scheduler in a cluster, on db-scheduler. Each job is one recurring task with one
 * row in the shared table. A replica claims a due row by updating it from not picked to picked
 * (optimistic, with a version), so one replica runs it; while it runs, the replica's heartbeat
 * keeps the row fresh; when the run ends, the same replica writes the next fire time. A row picked
 * by a replica whose heartbeats stopped is revived (set due now) by another, which runs the job
 * again. db-scheduler owns the protocol; this class maps Snel's jobs onto its tasks.
 *
 * <p>Threading: db-scheduler's own threads poll and send heartbeats; runs are virtual threads.
 */
final class ClusterScheduler implements Scheduler {
  private final Snel app;
  private final DataSource dataSource;
  private final ClusterOptions options;
  private final Jobs jobs = new Jobs();
  private com.github.kagkarlsson.scheduler.@Nullable Scheduler scheduler;
  private @Nullable ExecutorService runs;
  private boolean stopped;

  ClusterScheduler(Snel app, DataSource dataSource, ClusterOptions options) {
    this.app = app;
    this.dataSource = dataSource;
    this.options = options;
  }

  @Override
  public Scheduler add(String name, Trigger trigger, JobOptions options, Job job) {
    jobs.add(name, trigger, options, job);
    return this;
  }

  @Override
  public List<String> jobs() {
    return jobs.names();
  }

  @Override
  public synchronized ClusterScheduler start() {
    if (stopped) {
      throw new IllegalStateException("this scheduler was stopped; make a new one");
    }
    if (scheduler != null) {
      return this;
    }
    if (options.createTable()) {
      SchedulerTable.createIfMissing(dataSource, options.tableName());
    }
    List<RecurringTask<Void>> tasks = new ArrayList<>();
    for (JobSpec spec : jobs.seal()) {
      tasks.add(new JobTask(spec));
    }
    ExecutorService runs =
        Executors.newThreadPerTaskExecutor(
            VirtualThreads.onDefaultScheduler().name("snel-job-", 0).factory());
    com.github.kagkarlsson.scheduler.Scheduler started =
        com.github.kagkarlsson.scheduler.Scheduler.create(dataSource)
            .startTasks(tasks)
            .tableName(options.tableName())
            .schedulerName(new SchedulerName.Fixed(options.replicaName()))
            .threads(options.threads())
            .executorService(runs)
            .pollingInterval(options.pollingInterval())
            .heartbeatInterval(options.heartbeatInterval())
            .missedHeartbeatsLimit(options.missedHeartbeats())
            .shutdownMaxWait(options.shutdownWait())
            .enableImmediateExecution()
            .build();
    started.start();
    this.runs = runs;
    this.scheduler = started;
    return this;
  }

  @Override
  public Optional<Instant> nextRun(String name) {
    jobs.get(name);
    return execution(name)
        .filter(execution -> !execution.isPicked())
        .map(ScheduledExecution::getExecutionTime)
        .filter(time -> time.isBefore(Schedule.NEVER));
  }

  @Override
  public boolean running(String name) {
    jobs.get(name);
    return execution(name).map(ScheduledExecution::isPicked).orElse(false);
  }

  @Override
  public boolean runNow(String name) {
    jobs.get(name);
    com.github.kagkarlsson.scheduler.Scheduler running = running();
    try {
      boolean rescheduled = running.reschedule(instance(name), Instant.now());
      running.triggerCheckForDueExecutions();
      return rescheduled;
    } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException e) {
      JobRunner.LOG.warn("Run now of job '{}' skipped: {}", name, e.getMessage());
      return false;
    }
  }

  private Optional<ScheduledExecution<Object>> execution(String name) {
    com.github.kagkarlsson.scheduler.Scheduler current;
    synchronized (this) {
      current = stopped ? null : scheduler;
    }
    return current == null ? Optional.empty() : current.getScheduledExecution(instance(name));
  }

  private synchronized com.github.kagkarlsson.scheduler.Scheduler running() {
    com.github.kagkarlsson.scheduler.Scheduler current = scheduler;
    if (current == null || stopped) {
      throw new IllegalStateException("the scheduler is not running");
    }
    return current;
  }

  private static TaskInstanceId instance(String name) {
    return TaskInstanceId.of(name, RecurringTask.INSTANCE);
  }

  @Override
  public void close() {
    com.github.kagkarlsson.scheduler.Scheduler current;
    ExecutorService executor;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      current = scheduler;
      executor = runs;
    }
    if (current != null) {
      current.stop();
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** A job as db-scheduler's recurring task: the misfire check and jitter, then the run. */
  private final class JobTask extends RecurringTask<Void> {
    private final JobSpec spec;

    JobTask(JobSpec spec) {
      super(spec.name(), new TriggerSchedule(spec), Void.class);
      this.spec = spec;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
      Instant due = context.getExecution().executionTime;
      if (JobRunner.misfired(spec, due, Instant.now())) {
        return;
      }
      Duration jitter = spec.jitterDelay();
      if (!jitter.isZero()) {
        try {
          Thread.sleep(jitter);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      JobRunner.run(app, spec, due);
    }
  }
}
