package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.OpenTelemetry;
import application.io.opentelemetry.api.trace.TracerProvider;
import application.io.opentelemetry.context.propagation.ContextPropagators;

/**
 * What the application's {@code GlobalOpenTelemetry.get()} returns: the agent's tracing and
 * propagation. Metrics and logs are not bridged (the API's no-op defaults).
 */
final class ApplicationOpenTelemetry implements OpenTelemetry {

  static final ApplicationOpenTelemetry INSTANCE = new ApplicationOpenTelemetry();

  private final ContextPropagators propagators =
      ContextPropagators.create(new ApplicationPropagator());

  private ApplicationOpenTelemetry() {}

  @Override
  public TracerProvider getTracerProvider() {
    return ApplicationTracerProvider.INSTANCE;
  }

  @Override
  public ContextPropagators getPropagators() {
    return propagators;
  }
}
