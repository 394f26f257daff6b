package dev.baton.instrumentation.kafka;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads propagation headers from a received record. Kafka header names are case-sensitive, the
 * HTTP headers they stand for are not: an exact match first, then any case (a producer outside
 * Baton may have written {@code X-Request-Id}).
 */
enum ConsumerRecordGetter implements TextMapGetter<ConsumerRecord<?, ?>> {
  INSTANCE;

  @Override
  public Iterable<String> keys(ConsumerRecord<?, ?> record) {
    List<String> keys = new ArrayList<>();
    for (Header header : record.headers()) {
      keys.add(header.key());
    }
    return keys;
  }

  @Override
  public String get(ConsumerRecord<?, ?> record, String key) {
    if (record == null || key == null) {
      return null;
    }
    Header found = record.headers().lastHeader(key);
    if (found == null) {
      for (Header header : record.headers()) {
        if (header.key().equalsIgnoreCase(key)) {
          found = header;
        }
      }
    }
    return found == null || found.value() == null
        ? null
        : new String(found.value(), StandardCharsets.UTF_8);
  }
}
