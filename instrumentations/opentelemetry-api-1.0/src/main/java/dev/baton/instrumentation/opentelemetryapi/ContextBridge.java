package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.baggage.Baggage;
import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;

/** Moves a context between the application's API and the agent's. */
final class ContextBridge {

  /** The application's part of a context, kept in the agent's context. */
  static final io.opentelemetry.context.ContextKey<Object> APPLICATION_CONTEXT =
      io.opentelemetry.context.ContextKey.named("baton-application-context");

  /** The API's own (package-private) keys, learnt by letting a span and baggage store themselves. */
  static final ContextKey<?> SPAN_KEY = KeyCapture.keyOf(Span.getInvalid());
  static final ContextKey<?> BAGGAGE_KEY = KeyCapture.keyOf(Baggage.empty());

  private ContextBridge() {}

  /** The agent's context for an application context, the application's part riding in it. */
  static io.opentelemetry.context.Context toAgent(Context context) {
    if (context instanceof BridgedContext) {
      BridgedContext bridged = (BridgedContext) context;
      return bridged.agent().with(APPLICATION_CONTEXT, bridged.application());
    }
    // A context the application built from its own root: only its span and baggage mean
    // something to the agent.
    io.opentelemetry.context.Context agent = io.opentelemetry.context.Context.root();
    Span span = Span.fromContextOrNull(context);
    if (span != null) {
      agent = agent.with(SpanBridge.toAgent(span));
    }
    Baggage baggage = Baggage.fromContextOrNull(context);
    if (baggage != null) {
      agent = agent.with(BaggageBridge.toAgent(baggage));
    }
    return agent.with(APPLICATION_CONTEXT, context);
  }
}
