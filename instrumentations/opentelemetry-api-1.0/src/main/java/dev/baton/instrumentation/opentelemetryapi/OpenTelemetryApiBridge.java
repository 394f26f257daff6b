package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.context.ContextStorage;
import dev.baton.instrumentation.api.SpanRecording;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * What the advice calls. One instance of this class exists per application copy of the
 * OpenTelemetry API (it is loaded in that API's instrumentation class loader).
 *
 * <p>Off in forward mode: there the agent records no spans, so the application's API is left
 * exactly as it is without the agent.
 */
final class OpenTelemetryApiBridge {

  private static final boolean ON = SpanRecording.isOn();
  private static final AtomicBoolean SET_REPORTED = new AtomicBoolean();
  private static volatile BridgedContextStorage storage;

  private OpenTelemetryApiBridge() {}

  static boolean isOn() {
    return ON;
  }

  /** The bridging storage around the application's own (used only for its root context). */
  static ContextStorage contextStorage(ContextStorage original) {
    if (!ON || original == null || original instanceof BridgedContextStorage) {
      return original;
    }
    BridgedContextStorage current = storage;
    if (current == null || current.delegate() != original) {
      current = new BridgedContextStorage(original);
      storage = current;
    }
    return current;
  }

  /** The application's global: the bridge, or {@code null} to leave the original in charge. */
  static OpenTelemetry openTelemetry() {
    return ON ? ApplicationOpenTelemetry.INSTANCE : null;
  }

  /** True when the application's {@code GlobalOpenTelemetry.set} is to be skipped. */
  static boolean ignoreGlobalSet() {
    if (!ON) {
      return false;
    }
    if (SET_REPORTED.compareAndSet(false, true)) {
      LoggerFactory.getLogger(OpenTelemetryApiBridge.class)
          .info("the application called GlobalOpenTelemetry.set; the agent keeps the global "
              + "(its spans join the agent's traces and export); an SDK the application uses "
              + "directly still exports on its own");
    }
    return true;
  }
}
