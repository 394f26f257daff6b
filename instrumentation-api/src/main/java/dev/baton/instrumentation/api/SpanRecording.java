package dev.baton.instrumentation.api;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * Whether the agent records spans at all. In forward mode it does not (there is no SDK), and
 * instrumentations skip everything but propagation: no attributes are read, nothing is built.
 */
public final class SpanRecording {

  private SpanRecording() {}

  /** Read once, when an instrumentation's tracer is built, after the agent has started. */
  public static boolean isOn() {
    return GlobalOpenTelemetry.getTracerProvider() != TracerProvider.noop();
  }
}
