package dev.baton.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrumentation.api.propagation.VerbatimHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlCommenterTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final Context TRACED = Context.root().with(Span.wrap(
      SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())));
  private static final String TRACEPARENT = "traceparent='00-" + TRACE_ID + "-" + SPAN_ID + "-01'";

  private final SqlCommenter commenter = new SqlCommenter(List.of("x-request-id"));

  @Test
  void appendsTheTraceparent() {
    assertThat(commenter.append("SELECT 1", TRACED)).isEqualTo("SELECT 1/*" + TRACEPARENT + "*/");
  }

  @Test
  void goesBeforeATrailingSemicolon() {
    assertThat(commenter.append("SELECT 1 ; \n", TRACED)).isEqualTo("SELECT 1 /*" + TRACEPARENT + "*/; \n");
  }

  @Test
  void addsForwardedHeadersEncoded() {
    Context withRequestId = new VerbatimHeaders(List.of("x-request-id"), List.of(), null)
        .extract(TRACED, Map.of("x-request-id", "a b'*/c"), MapGetter.INSTANCE);
    assertThat(commenter.append("SELECT 1", withRequestId))
        .isEqualTo("SELECT 1/*" + TRACEPARENT + ",x-request-id='a%20b%27%2A%2Fc'*/");
  }

  @Test
  void leavesTextsWithCommentsAndUntracedCallsAlone() {
    assertThat(commenter.append("SELECT /*+ INDEX(t) */ 1", TRACED)).isEqualTo("SELECT /*+ INDEX(t) */ 1");
    assertThat(commenter.append("SELECT 1 -- note", TRACED)).isEqualTo("SELECT 1 -- note");
    assertThat(commenter.append("SELECT 1", Context.root())).isEqualTo("SELECT 1");
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key);
    }
  }
}
