package dev.baton.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spans as a reader wants them in a failure report: grouped by trace, each span under its parent,
 * one line per span (kind, name, service, ids, the attributes that identify the call).
 */
public final class SpanTree {

  private static final List<String> KEY_ATTRIBUTES = List.of(
      "http.request.method", "http.route", "url.full", "url.path", "http.response.status_code",
      "messaging.destination.name", "db.system.name", "db.query.text", "error.type");

  private SpanTree() {}

  public static String render(List<ReceivedSpan> spans) {
    if (spans.isEmpty()) {
      return "(no spans)\n";
    }
    StringBuilder out = new StringBuilder();
    Map<String, List<ReceivedSpan>> byTrace = spans.stream()
        .collect(Collectors.groupingBy(ReceivedSpan::traceId, LinkedHashMap::new, Collectors.toList()));
    byTrace.forEach((traceId, trace) -> {
      out.append("trace ").append(traceId).append(" (").append(trace.size()).append(" spans)\n");
      Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
      // Roots here: spans whose parent is not in this list (a remote caller, or not exported).
      trace.stream()
          .filter(span -> !ids.contains(span.parentSpanId()))
          .forEach(root -> append(root, trace, 1, out));
    });
    return out.toString();
  }

  private static void append(ReceivedSpan span, List<ReceivedSpan> trace, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(span.kind()).append(' ').append(span.name())
        .append(" [").append(span.serviceName()).append("] id=").append(span.spanId());
    if (!span.parentSpanId().isEmpty()) {
      out.append(" parent=").append(span.parentSpanId());
    }
    if (!"UNSET".equals(span.statusCode()) && !span.statusCode().isEmpty()) {
      out.append(" status=").append(span.statusCode());
    }
    for (String key : KEY_ATTRIBUTES) {
      if (span.attributes().containsKey(key)) {
        out.append(' ').append(key).append('=').append(span.attribute(key));
      }
    }
    out.append('\n');
    List<ReceivedSpan> children = new ArrayList<>();
    for (ReceivedSpan candidate : trace) {
      if (candidate.parentSpanId().equals(span.spanId()) && candidate != span) {
        children.add(candidate);
      }
    }
    children.sort(Comparator.comparing(ReceivedSpan::kind).thenComparing(ReceivedSpan::name));
    children.forEach(child -> append(child, trace, depth + 1, out));
  }
}
