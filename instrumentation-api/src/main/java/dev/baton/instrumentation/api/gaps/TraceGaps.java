package dev.baton.instrumentation.api.gaps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notices where traces break: an outbound call (HTTP client, Kafka send, JDBC statement) that
 * starts a new trace, with no valid parent, while the service is handling traced inbound
 * requests (a SERVER span is in flight, or one ended less than a second ago). That is almost
 * always context lost on the way to the call: a pool or thread the agent does not see.
 *
 * <p>The hot path is the in-flight count: one atomic increment when a SERVER span starts and one
 * decrement when it ends. Everything else runs only for a call that has no parent; its stack is
 * read for at most a few calls per instrumentation per second ({@link GapRecorder}).
 */
public final class TraceGaps {

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static volatile GapRecorder recorder;
  private static volatile long lastIdleNanos;
  private static volatile boolean everIdle;

  private TraceGaps() {}

  /** Turns gap detection on; the agent calls it once, before any instrumentation runs. */
  public static void install(GapRecorder gapRecorder) {
    recorder = gapRecorder;
  }

  /** The recorder, or {@code null} when gap detection is off. */
  public static GapRecorder recorder() {
    return recorder;
  }

  /** A SERVER span started. */
  public static void serverStarted() {
    if (recorder != null) {
      IN_FLIGHT.incrementAndGet();
    }
  }

  /** A SERVER span ended. */
  public static void serverEnded() {
    if (recorder != null && IN_FLIGHT.decrementAndGet() <= 0) {
      lastIdleNanos = System.nanoTime();
      everIdle = true;
    }
  }

  /**
   * An outbound call is about to start a span under {@code parent}.
   *
   * @return whether it was counted as a gap
   */
  public static boolean outbound(String instrumentation, Context parent) {
    GapRecorder current = recorder;
    if (current == null
        || Span.fromContext(parent).getSpanContext().isValid()
        || !servingTracedRequests()) {
      return false;
    }
    current.record(instrumentation);
    return true;
  }

  private static boolean servingTracedRequests() {
    return IN_FLIGHT.get() > 0 || (everIdle && System.nanoTime() - lastIdleNanos < WINDOW_NANOS);
  }
}
