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
    Map<String, String> firstExceptionEvent,
    List<Link> links) {

  /** A link to another span, as exported. */
  public record Link(String traceId, String spanId) {}

  /** A span without links. */
  public ReceivedSpan(String serviceName, String scopeName, String traceId, String spanId,
      String parentSpanId, String name, String kind, Map<String, String> attributes,
      String statusCode, long durationMillis, List<String> eventNames,
      Map<String, String> firstExceptionEvent) {
    this(serviceName, scopeName, traceId, spanId, parentSpanId, name, kind, attributes, statusCode,
        durationMillis, eventNames, firstExceptionEvent, List.of());
  }

  /** Whether this span links to the span with that id. */
  public boolean linksTo(String spanId) {
    return links.stream().anyMatch(link -> link.spanId().equals(spanId));
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public String attribute(String key) {
    return attributes.get(key);
  }
}
