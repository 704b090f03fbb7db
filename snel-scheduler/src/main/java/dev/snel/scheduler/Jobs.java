package dev.snel.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The jobs of a scheduler, by name, in the order added; closed to additions once started. */
final class Jobs {
  private final Map<String, JobSpec> byName = new LinkedHashMap<>();
  private boolean sealed;

  synchronized void add(String name, Trigger trigger, JobOptions options, Job job) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(job, "job");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a job needs a name");
    }
    if (sealed) {
      throw new IllegalStateException(
          "job '" + name + "' added after the scheduler started; add jobs before it starts");
    }
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("two jobs named '" + name + "'");
    }
    byName.put(name, new JobSpec(name, trigger, options, job));
  }

  /** Closes the list and returns it. */
  synchronized List<JobSpec> seal() {
    sealed = true;
    return List.copyOf(byName.values());
  }

  synchronized List<String> names() {
    return List.copyOf(byName.keySet());
  }

  synchronized JobSpec get(String name) {
    JobSpec spec = byName.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no job named '" + name + "'; the jobs: " + names());
    }
    return spec;
  }
}
