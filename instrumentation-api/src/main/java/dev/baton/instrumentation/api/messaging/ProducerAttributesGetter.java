package dev.baton.instrumentation.api.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

/** What the shared producer semantics read from one messaging client's send and its result. */
public interface ProducerAttributesGetter<REQ, RESP> {

  /** The value of {@code messaging.system}, for example {@code kafka}. */
  String system();

  String destination(REQ request);

  /** The producer's client id, or {@code null}. */
  String clientId(REQ request);

  /**
   * The partition the message went to, or {@code null}.
   *
   * @param response the broker's acknowledgement, {@code null} before it arrives or on failure
   */
  String partitionId(REQ request, RESP response);

  /** Sets the system's own attributes (for example the message key) when the span starts. */
  default void onStart(SpanBuilder span, REQ request) {}

  /** Sets the system's own attributes from the acknowledgement (for example the offset). */
  default void onEnd(Span span, RESP response) {}
}
