package dev.baton.instrumentation.api.gaps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.LongAdder;

/**
 * Notices where traces break: an outbound call (HTTP client, Kafka send, JDBC statement) that
 * starts a new trace, with no valid parent, while the service is handling traced inbound
 * requests (at least one SERVER span is in flight). That is almost always context lost on the
 * way to the call: a pool or thread the agent does not see.
 *
 * <p>The hot path is the in-flight count: a striped counter ({@link LongAdder}), incremented when
 * a SERVER span starts and decremented when it ends, so concurrent requests do not contend on
 * one cache line. Everything else runs only for a call that has no parent; its stack is read for
 * at most a few calls per instrumentation per second ({@link GapRecorder}). A task that runs
 * after every request has ended (fire-and-forget work on an idle service) is not counted: telling
 * it apart from a scheduled job would need a clock read per request.
 */
public final class TraceGaps {

  private static final LongAdder IN_FLIGHT = new LongAdder();
  private static volatile GapRecorder recorder;

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
      IN_FLIGHT.increment();
    }
  }

  /** A SERVER span ended. */
  public static void serverEnded() {
    if (recorder != null) {
      IN_FLIGHT.decrement();
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
        || IN_FLIGHT.sum() <= 0) {
      return false;
    }
    current.record(instrumentation);
    return true;
  }
}
