package dev.baton.instrumentation.logback.v1_0;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.baton.bootstrap.CurrentTrace;
import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import dev.baton.instrumentation.api.logging.LogCorrelation;
import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * Which context each log event was written in, and the MDC map it shows with the trace added.
 * The state is kept per event (weakly, by identity), never in the thread's MDC, so nothing can
 * be left behind on a pooled thread; events written outside any trace store nothing.
 */
public final class LogbackCorrelation {

  private static final LogCorrelation CORRELATION = LogCorrelation.fromConfig();

  /** An event's context until its map is first asked for; then the merged map, reused. */
  private static final WeakIdentityMap<ILoggingEvent, Object> EVENTS = new WeakIdentityMap<>();

  private LogbackCorrelation() {}

  public static void capture(ILoggingEvent event) {
    Context context = Context.current();
    if (CurrentTrace.hasAny(context)) {
      EVENTS.put(event, context);
    }
  }

  /** @return the map to hand back: {@code map} itself when the event has nothing to add */
  @SuppressWarnings("unchecked")
  public static Map<String, String> mdcWithTrace(ILoggingEvent event, Map<String, String> map) {
    Object state = EVENTS.get(event);
    if (state == null) {
      return map;
    }
    if (state instanceof Map) {
      return (Map<String, String>) state;
    }
    if (map != null && map.containsKey(CORRELATION.traceIdKey())) {
      // the application (or an older bridge) put the ids there itself
      return map;
    }
    Map<String, String> merged = CORRELATION.merge(map, (Context) state);
    if (merged != null && merged != map) {
      EVENTS.put(event, merged);
    }
    return merged;
  }
}
