package dev.baton.testing;

import java.util.List;
import java.util.Map;

/** A span as a backend received it, flattened for assertions. */
public record ReceivedSpan(
    String serviceName,
    String scopeName,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    Map<String, String> attributes,
    String statusCode,
    long durationMillis,
    List<String> eventNames,
    Map<String, String> firstExceptionEvent) {

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public String attribute(String key) {
    return attributes.get(key);
  }
}
