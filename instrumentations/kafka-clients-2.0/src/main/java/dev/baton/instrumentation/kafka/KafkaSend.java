package dev.baton.instrumentation.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/** One record being sent, and by which producer. */
final class KafkaSend {
  final ProducerRecord<?, ?> record;
  final String clientId;

  KafkaSend(ProducerRecord<?, ?> record, String clientId) {
    this.record = record;
    this.clientId = clientId;
  }
}
