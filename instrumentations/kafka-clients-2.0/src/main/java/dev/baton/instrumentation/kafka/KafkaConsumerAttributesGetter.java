package dev.baton.instrumentation.kafka;

import dev.baton.instrumentation.api.messaging.ConsumerAttributesGetter;
import io.opentelemetry.api.trace.SpanBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;

enum KafkaConsumerAttributesGetter implements ConsumerAttributesGetter<ConsumerRecord<?, ?>> {
  INSTANCE;

  @Override
  public String system() {
    return KafkaAttributes.SYSTEM;
  }

  @Override
  public String receiveOperationName() {
    return "poll";
  }

  @Override
  public String destination(ConsumerRecord<?, ?> record) {
    return record.topic();
  }

  @Override
  public String partitionId(ConsumerRecord<?, ?> record) {
    return Integer.toString(record.partition());
  }

  @Override
  public void onProcess(SpanBuilder span, ConsumerRecord<?, ?> record) {
    span.setAttribute(KafkaAttributes.MESSAGE_OFFSET, record.offset());
    if (record.key() instanceof String) {
      span.setAttribute(KafkaAttributes.MESSAGE_KEY, (String) record.key());
    }
    if (record.value() == null) {
      span.setAttribute(KafkaAttributes.MESSAGE_TOMBSTONE, true);
    }
  }
}
