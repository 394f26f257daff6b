package dev.baton.instrumentation.api.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a batch of received messages carries, and the rule for the trace its processing joins:
 *
 * <ul>
 *   <li>every message carries the same trace (trace mode: the same trace id; forward mode, where
 *       Baton reads no ids: identical trace headers) → the batch continues that trace: the
 *       receive span's parent is the first message's producer context, and that message's
 *       baggage and forward-headers are current while the batch is processed;
 *   <li>otherwise (several traces, or a message without one) → the receive span stays in the
 *       consumer's own trace and links to each producer.
 * </ul>
 *
 * In both cases the receive span links to every producer context.
 */
final class BatchTrace<MSG> {

  private final TextMapPropagator propagator;
  private final TextMapGetter<MSG> headers;
  private final MSG first;
  private final String destination;
  private final List<SpanContext> producers;
  private final boolean oneTrace;

  private BatchTrace(TextMapPropagator propagator, TextMapGetter<MSG> headers, MSG first,
      String destination, List<SpanContext> producers, boolean oneTrace) {
    this.propagator = propagator;
    this.headers = headers;
    this.first = first;
    this.destination = destination;
    this.producers = producers;
    this.oneTrace = oneTrace;
  }

  static <MSG> BatchTrace<MSG> of(Iterable<MSG> messages, TextMapPropagator propagator,
      TextMapGetter<MSG> headers, ConsumerAttributesGetter<MSG> attributes) {
    MSG first = null;
    String destination = null;
    boolean oneDestination = true;
    String trace = null;
    boolean oneTrace = true;
    List<SpanContext> producers = new ArrayList<>();
    for (MSG message : messages) {
      String messageDestination = attributes.destination(message);
      SpanContext producer =
          Span.fromContext(propagator.extract(Context.root(), message, headers)).getSpanContext();
      if (producer.isValid()) {
        producers.add(producer);
      }
      String messageTrace = producer.isValid() ? producer.getTraceId() : traceHeaders(message, propagator, headers);
      if (first == null) {
        first = message;
        destination = messageDestination;
        trace = messageTrace;
      } else {
        oneDestination &= messageDestination != null && messageDestination.equals(destination);
        oneTrace &= messageTrace != null && messageTrace.equals(trace);
      }
    }
    return new BatchTrace<>(propagator, headers, first, oneDestination ? destination : null,
        producers, oneTrace && trace != null);
  }

  /** The one destination of the batch, or {@code null} when it spans several. */
  String destination() {
    return destination;
  }

  List<SpanContext> producers() {
    return producers;
  }

  /** The context the receive span starts in: see the class comment. */
  Context parent(Context current) {
    return oneTrace ? propagator.extract(current, first, headers) : current;
  }

  /** The raw values of the propagators' headers on the message, or {@code null} if it has none. */
  private static <MSG> String traceHeaders(
      MSG message, TextMapPropagator propagator, TextMapGetter<MSG> headers) {
    StringBuilder values = null;
    for (String field : propagator.fields()) {
      String value = headers.get(message, field);
      if (value != null) {
        values = values == null ? new StringBuilder() : values.append('\n');
        values.append(field).append('=').append(value);
      }
    }
    return values == null ? null : values.toString();
  }
}
