package dev.baton.bootstrap;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Marks a context in which no instrumentation may create spans or inject headers. The agent runs
 * its own exporter traffic under it, so exporting a span never produces another span.
 */
public final class InstrumentationSuppression {

  private static final ContextKey<Boolean> SUPPRESSED = ContextKey.named("baton-suppressed");

  private InstrumentationSuppression() {}

  public static Context suppress(Context context) {
    return context.with(SUPPRESSED, Boolean.TRUE);
  }

  public static boolean isSuppressed(Context context) {
    return context.get(SUPPRESSED) != null;
  }
}
