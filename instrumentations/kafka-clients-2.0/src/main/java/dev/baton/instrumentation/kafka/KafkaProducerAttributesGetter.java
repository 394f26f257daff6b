package dev.baton.instrumentation.kafka;

import dev.baton.instrumentation.api.messaging.ProducerAttributesGetter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import org.apache.kafka.clients.producer.RecordMetadata;

enum KafkaProducerAttributesGetter implements ProducerAttributesGetter<KafkaSend, RecordMetadata> {
  INSTANCE;

  @Override
  public String system() {
    return KafkaAttributes.SYSTEM;
  }

  @Override
  public String destination(KafkaSend send) {
    return send.record.topic();
  }

  @Override
  public String clientId(KafkaSend send) {
    return send.clientId;
  }

  @Override
  public String partitionId(KafkaSend send, RecordMetadata metadata) {
    if (metadata != null && metadata.partition() >= 0) {
      return Integer.toString(metadata.partition());
    }
    Integer chosen = send.record.partition();
    return chosen == null ? null : chosen.toString();
  }

  @Override
  public void onStart(SpanBuilder span, KafkaSend send) {
    // Only string keys: toString() of a byte[] or a custom type says nothing.
    if (send.record.key() instanceof String) {
      span.setAttribute(KafkaAttributes.MESSAGE_KEY, (String) send.record.key());
    }
    if (send.record.value() == null) {
      span.setAttribute(KafkaAttributes.MESSAGE_TOMBSTONE, true);
    }
  }

  @Override
  public void onEnd(Span span, RecordMetadata metadata) {
    if (metadata.hasOffset()) {
      span.setAttribute(KafkaAttributes.MESSAGE_OFFSET, metadata.offset());
    }
  }
}
