package org.slf4j;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * A working MDC for tests: slf4j-simple, the tests' logging backend, keeps none (its MDC is a
 * no-op), while the backends apps use (Logback, Log4j) do. Lives in SLF4J's package to reach its
 * package-private setter.
 */
public final class MdcForTests {
  private MdcForTests() {}

  /** Installs a thread-local MDC; returns the one before, to put back. */
  public static MDCAdapter install() {
    MDCAdapter before = MDC.getMDCAdapter();
    MDC.setMDCAdapter(new BasicMDCAdapter());
    return before;
  }

  /** Puts back an MDC {@link #install()} replaced. */
  public static void restore(MDCAdapter before) {
    MDC.setMDCAdapter(before);
  }
}
