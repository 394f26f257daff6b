package dev.baton.instrumentation.kafka;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Given to Kafka in place of the application's callback (or of none): ends the PRODUCER span
 * when the broker acknowledges or the send fails, then runs the application's callback with the
 * context that was current when it called {@code send}, with exactly the arguments Kafka passed.
 */
final class ProducerCallback implements Callback {

  private final Callback application;
  private final Context sending;
  private final Context context;
  private final KafkaSend send;
  private final AtomicBoolean ended = new AtomicBoolean();

  ProducerCallback(Callback application, Context sending, Context context, KafkaSend send) {
    this.application = application;
    this.sending = sending;
    this.context = context;
    this.send = send;
  }

  @Override
  public void onCompletion(RecordMetadata metadata, Exception exception) {
    end(metadata, exception);
    if (application != null) {
      try (Scope ignored = sending.makeCurrent()) {
        application.onCompletion(metadata, exception);
      }
    }
  }

  /** Ends the span once: a send can fail both by calling back and by throwing. */
  void end(RecordMetadata metadata, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      KafkaProducerTracing.TRACER.end(context, send, metadata, error);
    }
  }
}
