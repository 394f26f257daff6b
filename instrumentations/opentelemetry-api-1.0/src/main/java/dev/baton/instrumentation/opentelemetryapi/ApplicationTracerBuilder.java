package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.Tracer;
import application.io.opentelemetry.api.trace.TracerBuilder;

/** The API's default {@code tracerBuilder} is a no-op, so the bridge provides its own. */
final class ApplicationTracerBuilder implements TracerBuilder {

  private final io.opentelemetry.api.trace.TracerBuilder agent;

  ApplicationTracerBuilder(io.opentelemetry.api.trace.TracerBuilder agent) {
    this.agent = agent;
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    agent.setSchemaUrl(schemaUrl);
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
    agent.setInstrumentationVersion(instrumentationScopeVersion);
    return this;
  }

  @Override
  public Tracer build() {
    return new ApplicationTracer(agent.build());
  }
}
