package dev.baton.instrumentation.api.messaging;

import static dev.baton.instrumentation.api.messaging.MessagingAttributes.*;
import static dev.baton.instrumentation.api.messaging.ProducerTracer.setIfPresent;

import dev.baton.bootstrap.InstrumentationSuppression;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.concurrent.TimeUnit;

/**
 * Consumer-side messaging semantics, shared by every messaging client.
 *
 * <ul>
 *   <li><b>Receive</b> ({@code poll {destination}}, CONSUMER): covers the call that returned the
 *       messages and links to every producer context they carry. Its context is made current
 *       until the thread receives again, so work the application does with the whole batch runs
 *       under it (see {@link BatchTrace} for when the batch continues the producer's trace;
 *       never with {@code baton.messaging.process-parent=link}).
 *   <li><b>Process</b> ({@code process {destination}}, CONSUMER): one per message the application
 *       takes from an iteration, current while it works on it. Its parent is the producer's
 *       context, or with {@code baton.messaging.process-parent=link} the receive span, with a link
 *       to the producer. Everything else the message carries (baggage, forward-headers) becomes
 *       current too, so outbound calls made while processing carry it.
 * </ul>
 */
public final class ConsumerTracer<MSG> {

  private static final boolean LINK_TO_PRODUCER = MessagingSettings.processLinksToProducer();

  private final Tracer tracer;
  private final ConsumerAttributesGetter<MSG> attributes;
  private final TextMapGetter<MSG> headers;

  public ConsumerTracer(
      String instrumentationName, ConsumerAttributesGetter<MSG> attributes, TextMapGetter<MSG> headers) {
    this.tracer = GlobalOpenTelemetry.getTracer(instrumentationName);
    this.attributes = attributes;
    this.headers = headers;
  }

  /**
   * A receive is about to start on this thread: the previous batch's contexts (and a message the
   * application left without finishing its loop) are closed first.
   */
  public void receiveStarts() {
    ConsumerThreadState.closeAll();
  }

  /** The thread closes its consumer: nothing it opened for the last batch stays current. */
  public void consumerCloses() {
    ConsumerThreadState.closeAll();
  }

  /**
   * Records the receive span for messages a receive returned and makes its context current for
   * the batch's processing.
   *
   * @param startNanos when the receive started, from {@link System#nanoTime()}
   * @return the receive context, for the processing of each message; {@code null} if not traced
   */
  public Context received(
      Iterable<MSG> messages, int count, ConsumerIdentity consumer, long startNanos) {
    Context parent = Context.current();
    if (InstrumentationSuppression.isSuppressed(parent)) {
      return null;
    }
    long endEpochNanos = epochNanosNow();
    long startEpochNanos = endEpochNanos - (System.nanoTime() - startNanos);
    BatchTrace<MSG> batch = BatchTrace.of(messages, propagator(), headers, attributes);
    // With links instead of parents, the receive stays in the consumer's own trace as well.
    Context base = LINK_TO_PRODUCER ? parent : batch.parent(parent);
    SpanBuilder builder =
        tracer
            .spanBuilder(MessagingOperation.spanName(attributes.receiveOperationName(), batch.destination()))
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(base)
            .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
            .setAttribute(MESSAGING_SYSTEM, attributes.system())
            .setAttribute(MESSAGING_OPERATION_TYPE, MessagingOperation.RECEIVE.type())
            .setAttribute(MESSAGING_OPERATION_NAME, attributes.receiveOperationName())
            .setAttribute(MESSAGING_BATCH_MESSAGE_COUNT, (long) count);
    setIfPresent(builder, MESSAGING_DESTINATION_NAME, batch.destination());
    setIdentity(builder, consumer);
    for (SpanContext producer : batch.producers()) {
      builder.addLink(producer);
    }
    Span span = builder.startSpan();
    span.end(endEpochNanos, TimeUnit.NANOSECONDS);
    Context receive = base.with(span);
    ConsumerThreadState.openBatch(receive);
    return receive;
  }

  /**
   * The application took {@code message} from an iteration: ends the processing of the message
   * before it on this thread, starts this one's and makes it current.
   *
   * @param receive the context of the receive that returned the message, or {@code null}
   * @return a token for {@link #endProcessing}
   */
  public Object startProcessing(MSG message, ConsumerIdentity consumer, Context receive) {
    ConsumerThreadState.endProcessing(null);
    Context current = Context.current();
    if (InstrumentationSuppression.isSuppressed(current)) {
      return null;
    }
    Context extracted = propagator().extract(current, message, headers);
    SpanContext producer = Span.fromContext(extracted).getSpanContext();
    boolean carried =
        producer.isValid() && !producer.equals(Span.fromContext(current).getSpanContext());
    Context parent = extracted;
    String destination = attributes.destination(message);
    SpanBuilder builder =
        tracer
            .spanBuilder(MessagingOperation.spanName("process", destination))
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute(MESSAGING_SYSTEM, attributes.system())
            .setAttribute(MESSAGING_OPERATION_TYPE, MessagingOperation.PROCESS.type())
            .setAttribute(MESSAGING_OPERATION_NAME, "process");
    if (LINK_TO_PRODUCER && carried) {
      // The consumer's own trace goes on (under the receive span); the producer is a link.
      Span receiveSpan = Span.fromContext(receive != null ? receive : current);
      parent = extracted.with(receiveSpan);
      builder.addLink(producer);
    }
    builder.setParent(parent);
    setIfPresent(builder, MESSAGING_DESTINATION_NAME, destination);
    setIfPresent(builder, MESSAGING_DESTINATION_PARTITION_ID, attributes.partitionId(message));
    setIdentity(builder, consumer);
    attributes.onProcess(builder, message);
    return ConsumerThreadState.beginProcessing(parent.with(builder.startSpan()));
  }

  /** Ends the processing {@code token} started, if this thread has not moved on already. */
  public void endProcessing(Object token) {
    if (token != null) {
      ConsumerThreadState.endProcessing(token);
    }
  }

  private static void setIdentity(SpanBuilder builder, ConsumerIdentity consumer) {
    if (consumer != null) {
      setIfPresent(builder, MESSAGING_CONSUMER_GROUP_NAME, consumer.consumerGroup());
      setIfPresent(builder, MESSAGING_CLIENT_ID, consumer.clientId());
    }
  }

  private static TextMapPropagator propagator() {
    return GlobalOpenTelemetry.getPropagators().getTextMapPropagator();
  }

  private static long epochNanosNow() {
    java.time.Instant now = java.time.Instant.now();
    return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
  }
}
