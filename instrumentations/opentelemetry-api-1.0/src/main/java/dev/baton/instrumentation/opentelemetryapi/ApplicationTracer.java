package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.SpanBuilder;
import application.io.opentelemetry.api.trace.Tracer;

/** An agent tracer as the application's API sees it. */
final class ApplicationTracer implements Tracer {

  private final io.opentelemetry.api.trace.Tracer agent;

  ApplicationTracer(io.opentelemetry.api.trace.Tracer agent) {
    this.agent = agent;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new ApplicationSpanBuilder(agent.spanBuilder(spanName));
  }
}
