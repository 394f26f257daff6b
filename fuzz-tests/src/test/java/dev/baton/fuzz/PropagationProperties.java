package dev.baton.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** The properties every extractor and the inject path must keep, whatever came in. */
final class PropagationProperties {

  static final int TRACESTATE_MAX_MEMBERS = 32;
  static final int TRACESTATE_MAX_CHARS = 512;
  static final int BAGGAGE_MAX_ENTRIES = 180;
  static final int BAGGAGE_MAX_BYTES = 8192;

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

  private PropagationProperties() {}

  /** An extracted span context is absent, or valid in every part. */
  static void assertValidOrAbsent(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (span.equals(SpanContext.getInvalid())) {
      return;
    }
    assertThat(span.isValid()).as("extracted span context %s", span).isTrue();
    assertThat(span.getTraceId()).matches(TRACE_ID).isNotEqualTo("0".repeat(32));
    assertThat(span.getSpanId()).matches(SPAN_ID).isNotEqualTo("0".repeat(16));
    TraceState state = span.getTraceState();
    assertThat(state.size()).as("tracestate members").isLessThanOrEqualTo(TRACESTATE_MAX_MEMBERS);
    Baggage baggage = Baggage.fromContext(context);
    assertThat(baggage.size()).as("baggage entries").isLessThanOrEqualTo(BAGGAGE_MAX_ENTRIES);
  }

  /** Outbound headers: token names, no control characters, within the size caps. */
  static void assertSafeOutbound(Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      assertThat(name).as("outbound header name").matches(TOKEN);
      assertThat(value).as("outbound %s", name).isNotNull();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        assertThat((c >= 0x20 && c < 0x7f) || c == '\t')
            .as("outbound %s has character U+%04X at %d: %s", name, (int) c, i, abbreviate(value))
            .isTrue();
      }
      if (name.equalsIgnoreCase("tracestate")) {
        assertThat(value.length()).as("tracestate chars").isLessThanOrEqualTo(TRACESTATE_MAX_CHARS);
        assertThat(value.split(",", -1).length).as("tracestate members").isLessThanOrEqualTo(TRACESTATE_MAX_MEMBERS);
      }
      if (name.equalsIgnoreCase("baggage")) {
        assertThat(value.getBytes(StandardCharsets.UTF_8).length).as("baggage bytes").isLessThanOrEqualTo(BAGGAGE_MAX_BYTES);
        assertThat(value.split(",", -1).length).as("baggage entries").isLessThanOrEqualTo(BAGGAGE_MAX_ENTRIES);
      }
    }
    assertThat(headers.size()).as("outbound header count").isLessThanOrEqualTo(300);
  }

  private static String abbreviate(String value) {
    return value.length() > 200 ? value.substring(0, 200) + "…" : value;
  }
}
