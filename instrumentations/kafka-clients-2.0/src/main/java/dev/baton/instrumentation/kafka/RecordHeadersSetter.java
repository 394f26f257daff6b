package dev.baton.instrumentation.kafka;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Writes a propagation header into a record, replacing any of that name the application set. */
enum RecordHeadersSetter implements TextMapSetter<Headers> {
  INSTANCE;

  @Override
  public void set(Headers headers, String key, String value) {
    if (headers != null) {
      headers.remove(key);
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
