package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.api.common.AttributeKey;
import application.io.opentelemetry.api.common.Attributes;

/** Attribute keys and sets from the application's API to the agent's. */
final class AttributesBridge {

  private AttributesBridge() {}

  static io.opentelemetry.api.common.Attributes toAgent(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return io.opentelemetry.api.common.Attributes.empty();
    }
    io.opentelemetry.api.common.AttributesBuilder builder = io.opentelemetry.api.common.Attributes.builder();
    attributes.forEach((key, value) -> put(builder, key, value));
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static void put(io.opentelemetry.api.common.AttributesBuilder builder, AttributeKey<?> key, Object value) {
    io.opentelemetry.api.common.AttributeKey<Object> agentKey = toAgent((AttributeKey<Object>) key);
    if (agentKey != null && value != null) {
      builder.put(agentKey, value);
    }
  }

  /** The agent's key of the same name and type; null for a null key or a type this bridge does not know (a newer API's). */
  @SuppressWarnings("unchecked")
  static <T> io.opentelemetry.api.common.AttributeKey<T> toAgent(AttributeKey<T> key) {
    return key == null ? null : (io.opentelemetry.api.common.AttributeKey<T>) agentKey(key);
  }

  private static io.opentelemetry.api.common.AttributeKey<?> agentKey(AttributeKey<?> key) {
    String name = key.getKey();
    switch (key.getType().name()) {
      case "STRING": return io.opentelemetry.api.common.AttributeKey.stringKey(name);
      case "BOOLEAN": return io.opentelemetry.api.common.AttributeKey.booleanKey(name);
      case "LONG": return io.opentelemetry.api.common.AttributeKey.longKey(name);
      case "DOUBLE": return io.opentelemetry.api.common.AttributeKey.doubleKey(name);
      case "STRING_ARRAY": return io.opentelemetry.api.common.AttributeKey.stringArrayKey(name);
      case "BOOLEAN_ARRAY": return io.opentelemetry.api.common.AttributeKey.booleanArrayKey(name);
      case "LONG_ARRAY": return io.opentelemetry.api.common.AttributeKey.longArrayKey(name);
      case "DOUBLE_ARRAY": return io.opentelemetry.api.common.AttributeKey.doubleArrayKey(name);
      default: return null;
    }
  }

}
