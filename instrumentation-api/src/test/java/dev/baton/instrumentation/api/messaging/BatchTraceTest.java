package dev.baton.instrumentation.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrumentation.api.propagation.VerbatimHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule for the trace a batch's processing joins, on messages as maps of headers. */
class BatchTraceTest {

  static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

  static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> message) {
      return message.keySet();
    }

    @Override
    public String get(Map<String, String> message, String key) {
      return message.get(key);
    }
  };

  static final ConsumerAttributesGetter<Map<String, String>> ATTRIBUTES = new ConsumerAttributesGetter<>() {
    @Override
    public String system() {
      return "test";
    }

    @Override
    public String receiveOperationName() {
      return "poll";
    }

    @Override
    public String destination(Map<String, String> message) {
      return message.get("topic");
    }

    @Override
    public String partitionId(Map<String, String> message) {
      return null;
    }
  };

  static Map<String, String> message(String topic, String trace, String parent) {
    return Map.of("topic", topic, "traceparent", "00-" + trace + "-" + parent + "-01");
  }

  static BatchTrace<Map<String, String>> batch(TextMapPropagator propagator, List<Map<String, String>> messages) {
    return BatchTrace.of(messages, propagator, HEADERS, ATTRIBUTES);
  }

  @Test
  void oneTraceIsContinuedFromTheFirstProducer() {
    BatchTrace<Map<String, String>> batch = batch(W3CTraceContextPropagator.getInstance(), List.of(
        message("orders", TRACE_A, "00f067aa0ba902b7"), message("orders", TRACE_A, "b7ad6b7169203331")));
    assertThat(batch.destination()).isEqualTo("orders");
    assertThat(batch.producers()).extracting(p -> p.getSpanId()).containsExactly("00f067aa0ba902b7", "b7ad6b7169203331");
    assertThat(Span.fromContext(batch.parent(Context.root())).getSpanContext().getSpanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void severalTracesOrAMessageWithoutOneKeepTheConsumersContext() {
    Context current = Context.root();
    assertThat(batch(W3CTraceContextPropagator.getInstance(), List.of(
        message("orders", TRACE_A, "00f067aa0ba902b7"), message("refunds", TRACE_B, "b7ad6b7169203331")))
        .parent(current)).isSameAs(current);
    BatchTrace<Map<String, String>> partly = batch(W3CTraceContextPropagator.getInstance(), List.of(
        message("orders", TRACE_A, "00f067aa0ba902b7"), Map.of("topic", "orders")));
    assertThat(partly.parent(current)).isSameAs(current);
    assertThat(partly.producers()).hasSize(1);
  }

  @Test
  void mixedDestinationsHaveNoOneDestination() {
    assertThat(batch(W3CTraceContextPropagator.getInstance(), List.of(
        message("orders", TRACE_A, "00f067aa0ba902b7"), message("refunds", TRACE_A, "00f067aa0ba902b7")))
        .destination()).isNull();
  }

  /** Forward mode reads no ids: identical trace headers make one trace, and they become current. */
  @Test
  void inForwardModeIdenticalHeadersAreOneTrace() {
    TextMapPropagator verbatim =
        new VerbatimHeaders(List.of("traceparent"), List.of(), W3CTraceContextPropagator.getInstance());
    Map<String, String> first = message("orders", TRACE_A, "00f067aa0ba902b7");
    BatchTrace<Map<String, String>> same = batch(verbatim, List.of(first, message("orders", TRACE_A, "00f067aa0ba902b7")));
    assertThat(VerbatimHeaders.get(same.parent(Context.root()), "traceparent")).isEqualTo(first.get("traceparent"));
    BatchTrace<Map<String, String>> different =
        batch(verbatim, List.of(first, message("orders", TRACE_A, "b7ad6b7169203331")));
    assertThat(different.parent(Context.root())).isSameAs(Context.root());
  }
}
