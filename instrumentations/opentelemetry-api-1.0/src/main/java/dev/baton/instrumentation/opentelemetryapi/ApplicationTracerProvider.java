package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;
import application.io.opentelemetry.api.trace.TracerProvider;

/** The agent's tracer provider (looked up on each call: it is set once, at agent start-up). */
final class ApplicationTracerProvider implements TracerProvider {

  static final ApplicationTracerProvider INSTANCE = new ApplicationTracerProvider();

  private ApplicationTracerProvider() {}

  private static io.opentelemetry.api.trace.TracerProvider agent() {
    return io.opentelemetry.api.GlobalOpenTelemetry.getTracerProvider();
  }

  @Override
  public Tracer get(String instrumentationScopeName) {
    return new ApplicationTracer(agent().get(instrumentationScopeName));
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return new ApplicationTracer(agent().get(instrumentationScopeName, instrumentationScopeVersion));
  }

  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return new ApplicationTracerBuilder(agent().tracerBuilder(instrumentationScopeName));
  }
}
