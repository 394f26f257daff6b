package dev.baton.instrumentation.kafka;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.messaging.ProducerTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What the producer advice does; the advice itself only forwards here.
 *
 * <p>The context goes into the record's own headers, the one place Kafka gives for it: they are
 * written to the batch as they are when {@code doSend} runs. A record sent before has read-only
 * headers, and headers need the v2 message format: such records go out untouched.
 */
public final class KafkaProducerTracing {

  static final ProducerTracer<KafkaSend, RecordMetadata> TRACER =
      new ProducerTracer<>("baton.kafka-clients-2.0", KafkaProducerAttributesGetter.INSTANCE);

  private KafkaProducerTracing() {}

  /**
   * @param apiVersions the producer's {@code ApiVersions}: which message format the brokers take
   * @return {send in progress or null, callback to pass to Kafka}; never null
   */
  public static Object[] start(
      ProducerRecord<?, ?> record, Callback callback, String clientId, Object apiVersions) {
    Context parent = Context.current();
    if (record == null || InstrumentationSuppression.isSuppressed(parent)) {
      return new Object[] {null, callback};
    }
    if (!TRACER.shouldStart(parent)) {
      // Inside another traced send: that one owns the span; the record still carries the trace.
      inject(parent, record, apiVersions);
      return new Object[] {null, callback};
    }
    KafkaSend send = new KafkaSend(record, clientId);
    Context context = TRACER.start(parent, send);
    inject(context, record, apiVersions);
    ProducerCallback ending = new ProducerCallback(callback, parent, context, send);
    // Current while doSend runs, so a serializer's own calls (a schema registry) nest under it.
    return new Object[] {new SendCall(ending, context.makeCurrent()), ending};
  }

  /** {@code doSend} returned or threw; a send that threw never reaches the broker. */
  public static void end(Object[] enter, Throwable error) {
    if (enter != null && enter[0] instanceof SendCall) {
      SendCall call = (SendCall) enter[0];
      call.scope.close();
      if (error != null) {
        call.callback.end(null, error);
      }
    }
  }

  private static void inject(Context context, ProducerRecord<?, ?> record, Object apiVersions) {
    if (!ProduceMagic.supportsHeaders(apiVersions)) {
      return;
    }
    try {
      TRACER.inject(context, record.headers(), RecordHeadersSetter.INSTANCE);
    } catch (IllegalStateException readOnly) {
      // Sent before: Kafka made its headers read-only, and the first write was refused, so
      // nothing was changed. Kafka sends it as it is, as it would without the agent.
    }
  }

  private static final class SendCall {
    final ProducerCallback callback;
    final Scope scope;

    SendCall(ProducerCallback callback, Scope scope) {
      this.callback = callback;
      this.scope = scope;
    }
  }
}
