package dev.baton.instrumentation.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.bootstrap.ForwardedHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogCorrelationTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN_ID = "00f067aa0ba902b7";
  final LogCorrelation correlation =
      new LogCorrelation("trace_id", "span_id", "trace_flags", List.of("X-Request-Id", "x-b3-traceid"));

  @Test
  void nothingOutsideATrace() {
    assertThat(correlation.entries(Context.root())).isNull();
    Map<String, String> own = Map.of("user", "alice");
    assertThat(correlation.merge(own, Context.root())).isSameAs(own);
  }

  @Test
  void aSpanOfThisProcessAndItsForwardedHeaders() {
    Context context = ForwardedHeaders.with(
        Context.root().with(Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()))),
        Map.of("x-request-id", "r-1"));
    assertThat(correlation.entries(context)).containsExactly(
        Map.entry("trace_id", TRACE_ID), Map.entry("span_id", SPAN_ID), Map.entry("trace_flags", "01"),
        Map.entry("x_request_id", "r-1"));
  }

  @Test
  void forwardModeTakesTheTraceFromTheForwardedTraceparentAndPrintsNoSpanId() {
    Context context = ForwardedHeaders.with(
        Context.root(), Map.of("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01", "x-request-id", "r-2"));
    assertThat(correlation.entries(context)).containsExactly(
        Map.entry("trace_id", TRACE_ID), Map.entry("trace_flags", "01"), Map.entry("x_request_id", "r-2"));
  }

  @Test
  void theEventsOwnEntriesWin() {
    Context context = ForwardedHeaders.with(Context.root(), Map.of("x-request-id", "r-3"));
    assertThat(correlation.merge(Map.of("x_request_id", "mine", "user", "alice"), context))
        .containsEntry("x_request_id", "mine")
        .containsEntry("user", "alice");
  }
}
