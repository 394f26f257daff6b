package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;

/**
 * An application context backed by the agent's: the current span and baggage are the agent's
 * (seen through the bridge), every other key is the application's own.
 *
 * <p>A span the application put in (its own SDK's, or a bridge span) is also kept on the
 * application's side, so reading it back gives the very same object as long as it is still the
 * agent's current span.
 */
final class BridgedContext implements Context {

  private final io.opentelemetry.context.Context agent;
  private final Context application;

  BridgedContext(io.opentelemetry.context.Context agent, Context application) {
    this.agent = agent;
    this.application = application;
  }

  io.opentelemetry.context.Context agent() {
    return agent;
  }

  Context application() {
    return application;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    if (key == ContextBridge.SPAN_KEY) {
      io.opentelemetry.api.trace.Span span = io.opentelemetry.api.trace.Span.fromContextOrNull(agent);
      if (span == null) {
        return null;
      }
      Object own = application.get(key);
      if (own instanceof Span && SpanBridge.sameSpan((Span) own, span)) {
        return (V) own;
      }
      return (V) SpanBridge.toApplication(span);
    }
    if (key == ContextBridge.BAGGAGE_KEY) {
      io.opentelemetry.api.baggage.Baggage baggage =
          io.opentelemetry.api.baggage.Baggage.fromContextOrNull(agent);
      return baggage == null ? null : (V) BaggageBridge.toApplication(baggage);
    }
    return application.get(key);
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == ContextBridge.SPAN_KEY && value instanceof Span) {
      return new BridgedContext(agent.with(SpanBridge.toAgent((Span) value)), application.with(key, value));
    }
    if (key == ContextBridge.BAGGAGE_KEY && value instanceof Baggage) {
      return new BridgedContext(agent.with(BaggageBridge.toAgent((Baggage) value)), application);
    }
    return new BridgedContext(agent, application.with(key, value));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof BridgedContext)) {
      return false;
    }
    BridgedContext that = (BridgedContext) other;
    return agent.equals(that.agent) && application.equals(that.application);
  }

  @Override
  public int hashCode() {
    return 31 * agent.hashCode() + application.hashCode();
  }

  @Override
  public String toString() {
    return "BridgedContext{agent=" + agent + ", application=" + application + "}";
  }
}
