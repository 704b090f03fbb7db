package dev.snel.docstests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that drives {@link Chromium}. Where chromium is not installed the whole class is
 * skipped before anything in it runs (no server is started, no browser is closed), and the build
 * says so once. Under CI ({@code CI=true}), whose {@code .ci/run} installs chromium, a missing
 * browser is a failure instead, so the browser tests cannot be skipped there unnoticed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {
  String SKIPPED = "chromium not found: skipping browser tests; .ci/run installs it";

  /** Skips the class when chromium is missing, outside CI. */
  final class Condition implements ExecutionCondition {
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (Files.isExecutable(Chromium.BROWSER) || "true".equals(System.getenv("CI"))) {
        return ConditionEvaluationResult.enabled("chromium is at " + Chromium.BROWSER);
      }
      if (TOLD.compareAndSet(false, true)) {
        // surefire keeps the tests' own output in files; the warning is meant for the console
        System.err.println("[WARNING] " + SKIPPED + " (looked for " + Chromium.BROWSER + ")");
      }
      return ConditionEvaluationResult.disabled(SKIPPED);
    }
  }
}
