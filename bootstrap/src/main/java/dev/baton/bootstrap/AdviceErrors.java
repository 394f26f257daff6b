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
    void report(Throwable error);
  }

  private static final LongAdder COUNT = new LongAdder();
  private static volatile Reporter reporter;

  private AdviceErrors() {}

  public static void install(Reporter agentReporter) {
    reporter = agentReporter;
  }

  /** Called from the exception handler that Baton puts around every advice call. */
  public static void record(Throwable error) {
    COUNT.increment();
    Reporter current = reporter;
    if (current != null) {
      try {
        current.report(error);
      } catch (Throwable ignored) {
        // the reporter must never make things worse
      }
    }
  }

  public static long count() {
    return COUNT.sum();
  }
}
