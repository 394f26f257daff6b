package dev.baton.instrumentation.api.messaging;

import static dev.baton.instrumentation.api.messaging.MessagingAttributes.*;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.gaps.TraceGaps;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Producer-side messaging semantics, shared by every messaging client: names the PRODUCER span
 * {@code send {destination}}, fills the conventions' attributes and writes the context into the
 * message's headers with the configured propagators (so forward-headers, and in forward mode the
 * inbound trace headers, ride along verbatim). A send made inside another traced send (a
 * framework's template over the client) creates no second span.
 */
public final class ProducerTracer<REQ, RESP> {

  private static final ContextKey<Span> PRODUCER_SPAN = ContextKey.named("baton-messaging-producer-span");

  private final String instrumentationName;
  private final Tracer tracer;
  private final ProducerAttributesGetter<REQ, RESP> attributes;

  public ProducerTracer(String instrumentationName, ProducerAttributesGetter<REQ, RESP> attributes) {
    this.instrumentationName = instrumentationName;
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
    this.attributes = attributes;
  }

  /** Not inside the agent's own traffic, and not inside another traced send. */
  public boolean shouldStart(Context parent) {
    return !InstrumentationSuppression.isSuppressed(parent) && parent.get(PRODUCER_SPAN) == null;
  }

  /** Starts the PRODUCER span; the returned context holds it. */
  public Context start(Context parent, REQ request) {
    TraceGaps.outbound(instrumentationName, parent);
    String destination = attributes.destination(request);
    SpanBuilder builder =
        tracer
            .spanBuilder(MessagingOperation.spanName("send", destination))
            .setSpanKind(SpanKind.PRODUCER)
            .setParent(parent)
            .setAttribute(MESSAGING_SYSTEM, attributes.system())
            .setAttribute(MESSAGING_OPERATION_TYPE, MessagingOperation.SEND.type())
            .setAttribute(MESSAGING_OPERATION_NAME, "send");
    setIfPresent(builder, MESSAGING_DESTINATION_NAME, destination);
    setIfPresent(builder, MESSAGING_CLIENT_ID, attributes.clientId(request));
    setIfPresent(builder, MESSAGING_DESTINATION_PARTITION_ID, attributes.partitionId(request, null));
    attributes.onStart(builder, request);
    Span span = builder.startSpan();
    return parent.with(span).with(PRODUCER_SPAN, span);
  }

  /** Writes the context into the message's headers with every configured propagator. */
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    GlobalOpenTelemetry.getPropagators().getTextMapPropagator().inject(context, carrier, setter);
  }

  /**
   * Ends the PRODUCER span when the broker acknowledged or refused the message, or the send
   * failed before anything was sent.
   */
  public void end(Context context, REQ request, RESP response, Throwable error) {
    Span span = Span.fromContext(context);
    if (response != null) {
      String partition = attributes.partitionId(request, response);
      if (partition != null) {
        span.setAttribute(MESSAGING_DESTINATION_PARTITION_ID, partition);
      }
      attributes.onEnd(span, response);
    }
    SpanErrors.record(span, error);
    span.end();
  }

  static void setIfPresent(
      SpanBuilder builder, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null && !value.isEmpty()) {
      builder.setAttribute(key, value);
    }
  }
}
