package dev.baton.instrumentation.api.logging;

import dev.baton.bootstrap.CurrentTrace;
import dev.baton.bootstrap.ForwardedHeaders;
import dev.baton.instrumentation.api.InstrumentationConfig;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entries a log event gets while a trace (or, in forward mode, a forwarded request) is
 * current: trace id, span id, trace flags and the forwarded headers, under configurable names.
 * Shared by every logging library's correlation; the ids themselves come from
 * {@link CurrentTrace}, as for the {@code java.util.logging} formatter.
 */
public final class LogCorrelation {

  private final String traceIdKey;
  private final String spanIdKey;
  private final String traceFlagsKey;
  private final List<String> headers;
  private final List<String> headerKeys;

  public LogCorrelation(String traceIdKey, String spanIdKey, String traceFlagsKey, List<String> headers) {
    this.traceIdKey = traceIdKey;
    this.spanIdKey = spanIdKey;
    this.traceFlagsKey = traceFlagsKey;
    List<String> names = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (String header : headers) {
      String name = header.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        names.add(name);
        keys.add(keyFor(name));
      }
    }
    this.headers = Collections.unmodifiableList(names);
    this.headerKeys = Collections.unmodifiableList(keys);
  }

  /** The names OpenTelemetry's agent reads for its log correlation, and Baton's for headers. */
  public static LogCorrelation fromConfig() {
    return new LogCorrelation(
        InstrumentationConfig.getString("otel.instrumentation.common.logging.trace-id", "trace_id"),
        InstrumentationConfig.getString("otel.instrumentation.common.logging.span-id", "span_id"),
        InstrumentationConfig.getString("otel.instrumentation.common.logging.trace-flags", "trace_flags"),
        InstrumentationConfig.getList("baton.logging.forward-headers", List.of("x-request-id")));
  }

  /** A header's key in a log event: its lower-case name with {@code -} as {@code _}. */
  static String keyFor(String header) {
    return header.replace('-', '_');
  }

  public String traceIdKey() {
    return traceIdKey;
  }

  /**
   * The entries for a log event written in this context, in a new modifiable map, or {@code null}
   * when the context carries nothing to print.
   */
  public Map<String, String> entries(Context context) {
    if (!CurrentTrace.hasAny(context)) {
      return null;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    putIfPresent(entries, traceIdKey, CurrentTrace.traceId(context));
    putIfPresent(entries, spanIdKey, CurrentTrace.spanId(context));
    putIfPresent(entries, traceFlagsKey, CurrentTrace.traceFlags(context));
    for (int i = 0; i < headers.size(); i++) {
      putIfPresent(entries, headerKeys.get(i), ForwardedHeaders.get(context, headers.get(i)));
    }
    return entries.isEmpty() ? null : entries;
  }

  /**
   * The event's own entries with this context's added; the event's win where names clash (the
   * application set them on purpose).
   *
   * @param own the event's entries, possibly {@code null}; never modified
   * @return a new map, or {@code own} itself when the context has nothing to add
   */
  public Map<String, String> merge(Map<String, String> own, Context context) {
    Map<String, String> entries = entries(context);
    if (entries == null) {
      return own;
    }
    if (own != null) {
      entries.putAll(own);
    }
    return Collections.unmodifiableMap(entries);
  }

  private static void putIfPresent(Map<String, String> entries, String key, String value) {
    if (value != null) {
      entries.put(key, value);
    }
  }
}
