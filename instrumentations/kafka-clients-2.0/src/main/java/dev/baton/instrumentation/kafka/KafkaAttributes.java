package dev.baton.instrumentation.kafka;

import io.opentelemetry.api.common.AttributeKey;

/** The Kafka-specific messaging attributes (the generic ones are in the shared messaging layer). */
final class KafkaAttributes {

  static final String SYSTEM = "kafka";

  static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
  static final AttributeKey<Long> MESSAGE_OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");
  static final AttributeKey<Boolean> MESSAGE_TOMBSTONE =
      AttributeKey.booleanKey("messaging.kafka.message.tombstone");

  private KafkaAttributes() {}
}
