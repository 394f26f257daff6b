package dev.baton.bootstrap;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

/**
 * What a log line says about the trace it was written in: the one definition of the ids that
 * every log correlation (Logback, Log4j2, {@code java.util.logging}) prints.
 *
 * <p>The span id is printed only for a span of this process. In forward mode there is none: the
 * trace id and flags are read from the forwarded {@code traceparent} (forwarded only when the W3C
 * parser accepted it), and a log line gets no span id: the caller's would credit the line to a
 * span that is not this service's.
 */
public final class CurrentTrace {

  private CurrentTrace() {}

  private static final int TRACEPARENT_LENGTH = 55;

  /** The trace id, or {@code null} outside a valid trace. */
  public static String traceId(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (span.isValid()) {
      return span.getTraceId();
    }
    String traceparent = forwardedTraceparent(context);
    return traceparent == null ? null : traceparent.substring(3, 35);
  }

  /** The current span's id, or {@code null} outside a span of this process. */
  public static String spanId(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    return span.isValid() && !span.isRemote() ? span.getSpanId() : null;
  }

  /** The trace flags as two hex digits ({@code 01}: sampled), or {@code null} outside a trace. */
  public static String traceFlags(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (span.isValid()) {
      return span.getTraceFlags().asHex();
    }
    String traceparent = forwardedTraceparent(context);
    return traceparent == null ? null : traceparent.substring(53, 55);
  }

  /** {@code 00-<trace id>-<parent id>-<flags>} as forwarded in forward mode, or {@code null}. */
  private static String forwardedTraceparent(Context context) {
    String value = ForwardedHeaders.get(context, "traceparent");
    return value != null && value.length() >= TRACEPARENT_LENGTH && value.charAt(2) == '-' && value.charAt(35) == '-'
        ? value
        : null;
  }

  /** Whether a log line written in this context has anything to carry. */
  public static boolean hasAny(Context context) {
    return Span.fromContext(context).getSpanContext().isValid()
        || ForwardedHeaders.all(context) != null;
  }
}
