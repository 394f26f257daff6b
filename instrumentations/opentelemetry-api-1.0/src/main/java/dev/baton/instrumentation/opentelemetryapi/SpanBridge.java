package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.trace.Span;
import application.io.opentelemetry.api.trace.SpanContext;
import application.io.opentelemetry.api.trace.SpanKind;
import application.io.opentelemetry.api.trace.StatusCode;
import application.io.opentelemetry.api.trace.TraceFlags;
import application.io.opentelemetry.api.trace.TraceState;

/** Spans, span contexts, kinds and status codes between the application's API and the agent's. */
final class SpanBridge {

  private SpanBridge() {}

  /** The agent span behind a bridge span, or a non-recording one with another span's ids. */
  static io.opentelemetry.api.trace.Span toAgent(Span span) {
    if (span instanceof ApplicationSpan) {
      return ((ApplicationSpan) span).agent();
    }
    return io.opentelemetry.api.trace.Span.wrap(toAgent(span.getSpanContext()));
  }

  static Span toApplication(io.opentelemetry.api.trace.Span span) {
    return new ApplicationSpan(span);
  }

  static boolean sameSpan(Span application, io.opentelemetry.api.trace.Span agent) {
    if (application instanceof ApplicationSpan) {
      return ((ApplicationSpan) application).agent() == agent;
    }
    SpanContext own = application.getSpanContext();
    io.opentelemetry.api.trace.SpanContext other = agent.getSpanContext();
    return own.getSpanId().equals(other.getSpanId()) && own.getTraceId().equals(other.getTraceId());
  }

  static io.opentelemetry.api.trace.SpanContext toAgent(SpanContext context) {
    if (!context.isValid()) {
      return io.opentelemetry.api.trace.SpanContext.getInvalid();
    }
    io.opentelemetry.api.trace.TraceFlags flags =
        io.opentelemetry.api.trace.TraceFlags.fromByte(context.getTraceFlags().asByte());
    io.opentelemetry.api.trace.TraceState state = toAgent(context.getTraceState());
    return context.isRemote()
        ? io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
            context.getTraceId(), context.getSpanId(), flags, state)
        : io.opentelemetry.api.trace.SpanContext.create(
            context.getTraceId(), context.getSpanId(), flags, state);
  }

  static SpanContext toApplication(io.opentelemetry.api.trace.SpanContext context) {
    if (!context.isValid()) {
      return SpanContext.getInvalid();
    }
    TraceFlags flags = TraceFlags.fromByte(context.getTraceFlags().asByte());
    TraceState state = toApplication(context.getTraceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(context.getTraceId(), context.getSpanId(), flags, state)
        : SpanContext.create(context.getTraceId(), context.getSpanId(), flags, state);
  }

  private static io.opentelemetry.api.trace.TraceState toAgent(TraceState state) {
    if (state.isEmpty()) {
      return io.opentelemetry.api.trace.TraceState.getDefault();
    }
    io.opentelemetry.api.trace.TraceStateBuilder builder = io.opentelemetry.api.trace.TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }

  private static TraceState toApplication(io.opentelemetry.api.trace.TraceState state) {
    if (state.isEmpty()) {
      return TraceState.getDefault();
    }
    application.io.opentelemetry.api.trace.TraceStateBuilder builder = TraceState.builder();
    state.forEach(builder::put);
    return builder.build();
  }

  /** The API never throws at the application: a kind or code it does not know is the default. */
  static io.opentelemetry.api.trace.SpanKind toAgent(SpanKind kind) {
    switch (kind.name()) {
      case "SERVER": return io.opentelemetry.api.trace.SpanKind.SERVER;
      case "CLIENT": return io.opentelemetry.api.trace.SpanKind.CLIENT;
      case "PRODUCER": return io.opentelemetry.api.trace.SpanKind.PRODUCER;
      case "CONSUMER": return io.opentelemetry.api.trace.SpanKind.CONSUMER;
      default: return io.opentelemetry.api.trace.SpanKind.INTERNAL;
    }
  }

  static io.opentelemetry.api.trace.StatusCode toAgent(StatusCode code) {
    switch (code.name()) {
      case "OK": return io.opentelemetry.api.trace.StatusCode.OK;
      case "ERROR": return io.opentelemetry.api.trace.StatusCode.ERROR;
      default: return io.opentelemetry.api.trace.StatusCode.UNSET;
    }
  }
}
