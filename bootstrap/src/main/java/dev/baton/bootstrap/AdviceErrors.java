package dev.baton.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/**
 * Receives every exception that advice threw and that was suppressed so the service never sees
 * it. Production logs it (the agent's reporter rate-limits); tests read {@link #count()} and fail
 * when anything was swallowed.
 */
public final class AdviceErrors {

  /** Implemented by the agent's logging. */
  public interface Reporter {
    /** @param instrumentation the module whose advice threw, or {@code null} when not known */
    void report(Throwable error, String instrumentation);
  }

  private static final LongAdder COUNT = new LongAdder();
  private static volatile Reporter reporter;

  private AdviceErrors() {}

  public static void install(Reporter agentReporter) {
    reporter = agentReporter;
  }

  /** An error whose instrumentation is not known (linking, callbacks outside advice). */
  public static void record(Throwable error) {
    record(error, null);
  }

  /**
   * Called from the exception handler that Baton puts around every advice call, with the name of
   * the instrumentation module the advice belongs to.
   */
  public static void record(Throwable error, String instrumentation) {
    COUNT.increment();
    Reporter current = reporter;
    if (current != null) {
      try {
        current.report(error, instrumentation);
      } catch (Throwable ignored) {
        // the reporter must never make things worse
      }
    }
  }

  public static long count() {
    return COUNT.sum();
  }
}
