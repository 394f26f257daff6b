package dev.baton.instrumentation.api.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One inbound request in progress, from the moment its SERVER span starts until the response is
 * complete. It is kept with the request (as a request attribute), so every later dispatch of the
 * same request, on whatever thread, finds the context it belongs to.
 */
public final class ServerCall {

  private static final AtomicIntegerFieldUpdater<ServerCall> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(ServerCall.class, "ended");

  private final Context context;
  private final Span span;
  // The scope of the first dispatch, closed by the same thread when that dispatch returns.
  Scope firstScope;
  private volatile int ended;
  // An exception a later dispatch threw (an async dispatch target), for the span's end.
  private volatile Throwable laterError;

  ServerCall(Context context) {
    this.context = context;
    this.span = Span.fromContext(context);
  }

  /** The context the request's code runs in: the extracted parent, baggage and the SERVER span. */
  public Context context() {
    return context;
  }

  /**
   * Whether {@code current} already belongs to this request: it is the request's context, or its
   * span is this call's span or one of the same trace (a span the application started below it).
   * Then nested filters, servlets, forwards and includes have nothing to do. Without a valid span
   * to compare (spans not recorded, no trace headers), only the context itself counts.
   */
  boolean isCurrentIn(Context current) {
    if (current == context) {
      return true;
    }
    SpanContext own = span.getSpanContext();
    if (!own.isValid()) {
      return false;
    }
    Span currentSpan = Span.fromContext(current);
    SpanContext currentSpanContext = currentSpan.getSpanContext();
    return currentSpan == span
        || (currentSpanContext.isValid() && currentSpanContext.getTraceId().equals(own.getTraceId()));
  }

  void recordLaterError(Throwable error) {
    if (laterError == null) {
      laterError = error;
    }
  }

  Throwable laterError() {
    return laterError;
  }

  /** True exactly once: for whoever ends the span. */
  boolean markEnded() {
    return ENDED.compareAndSet(this, 0, 1);
  }
}
