package dev.baton.instrumentation.api.messaging;

import static dev.baton.instrumentation.api.http.SemanticAttributes.ERROR_TYPE;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** How a messaging span records a failure: the exception event, {@code error.type}, error status. */
final class SpanErrors {

  private SpanErrors() {}

  static void record(Span span, Throwable error) {
    if (error != null) {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR);
    }
  }
}
