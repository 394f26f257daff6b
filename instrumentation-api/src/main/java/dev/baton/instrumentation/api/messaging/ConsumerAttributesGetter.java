package dev.baton.instrumentation.api.messaging;

import io.opentelemetry.api.trace.SpanBuilder;

/** What the shared consumer semantics read from one messaging client's received messages. */
public interface ConsumerAttributesGetter<MSG> {

  /** The value of {@code messaging.system}, for example {@code kafka}. */
  String system();

  /** The name the system gives a receive ({@code poll} for Kafka): the span name's first word. */
  String receiveOperationName();

  String destination(MSG message);

  /** The partition the message came from, or {@code null}. */
  String partitionId(MSG message);

  /** Sets the system's own attributes of one message (for example its offset and key). */
  default void onProcess(SpanBuilder span, MSG message) {}
}
