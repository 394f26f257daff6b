package dev.baton.agent.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import dev.baton.instrumentation.api.propagation.VerbatimHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every format, strict parsing, several formats at once, forward headers and forward mode. */
class PropagationTest {

  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE + "-" + SPAN + "-01";

  // A recording tracer (an SDK without a processor would hand out non-recording spans).
  static final io.opentelemetry.api.trace.Tracer TRACER = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
      .build().get("test");

  static ContextPropagators propagators(String... settings) {
    Properties properties = new Properties();
    for (int i = 0; i < settings.length; i += 2) {
      properties.setProperty(settings[i], settings[i + 1]);
    }
    AgentConfig config = new AgentConfig(ConfigProperties.forTest(properties));
    assertThat(config.problems()).isEmpty();
    return Propagation.create(config);
  }

  static Context extract(ContextPropagators propagators, Map<String, String> headers) {
    return propagators.getTextMapPropagator().extract(Context.root(), lowerCased(headers), GETTER);
  }

  /** What goes out for a child span of the extracted context (trace mode), or the context itself. */
  static Map<String, String> injectChild(ContextPropagators propagators, Context parent) {
    Span child = TRACER.spanBuilder("child").setParent(parent).startSpan();
    return inject(propagators, parent.with(child));
  }

  static Map<String, String> inject(ContextPropagators propagators, Context context) {
    Map<String, String> out = new LinkedHashMap<>();
    propagators.getTextMapPropagator().inject(context, out, SETTER);
    return out;
  }

  static SpanContext spanContext(Context context) {
    return Span.fromContext(context).getSpanContext();
  }

  @Test
  void defaultsAreTraceContextBaggageAndRequestId() {
    ContextPropagators propagators = propagators();
    Context context = extract(propagators, Map.of(
        "traceparent", TRACEPARENT, "baggage", "tenant=acme", "x-request-id", "7f1c-abc"));
    assertThat(spanContext(context).getTraceId()).isEqualTo(TRACE);
    assertThat(spanContext(context).isRemote()).isTrue();
    assertThat(Baggage.fromContext(context).getEntryValue("tenant")).isEqualTo("acme");
    Map<String, String> out = injectChild(propagators, context);
    assertThat(out.get("traceparent")).startsWith("00-" + TRACE + "-").doesNotContain(SPAN);
    assertThat(out).containsEntry("baggage", "tenant=acme").containsEntry("x-request-id", "7f1c-abc");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ff-" + TRACE + "-" + SPAN + "-01",                   // forbidden version
      "00-" + TRACE + "-" + SPAN + "-01-extra",             // version 00 with trailing data
      "00-" + "00000000000000000000000000000000" + "-" + SPAN + "-01", // all-zero trace id
      "00-" + TRACE + "-0000000000000000-01",               // all-zero span id
      "00-" + "4BF92F3577B34DA6A3CE929D0E0E4736" + "-" + SPAN + "-01", // upper case
      "00-" + TRACE + "-" + SPAN + "-1",                    // short flags
      "00-" + TRACE + "-" + SPAN,                           // no flags
      "00-4bf92f3577b34da6a3ce929d0e0e473-" + SPAN + "-01", // short trace id
      "garbage",
      ""})
  void invalidTraceparentIsDroppedAndNotForwarded(String traceparent) {
    ContextPropagators propagators = propagators();
    Context context = extract(propagators, Map.of("traceparent", traceparent, "tracestate", "a=b"));
    assertThat(spanContext(context).isValid()).isFalse();
    assertThat(inject(propagators, context)).doesNotContainKey("traceparent").doesNotContainKey("tracestate");
  }

  @Test
  void tracestateOverThirtyTwoMembersIsDropped() {
    StringBuilder state = new StringBuilder();
    for (int i = 0; i < 33; i++) {
      state.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
    }
    Context context = extract(propagators(), Map.of("traceparent", TRACEPARENT, "tracestate", state.toString()));
    assertThat(spanContext(context).isValid()).isTrue();
    assertThat(spanContext(context).getTraceState().isEmpty()).isTrue();
  }

  @Test
  void b3SingleAcceptsSixtyFourBitIdsAndDebug() {
    ContextPropagators propagators = propagators("otel.propagators", "b3");
    Context context = extract(propagators, Map.of("b3", "a3ce929d0e0e4736-" + SPAN + "-d"));
    assertThat(spanContext(context).getTraceId()).isEqualTo("0000000000000000a3ce929d0e0e4736");
    assertThat(spanContext(context).isSampled()).isTrue();
    assertThat(injectChild(propagators, context).get("b3")).startsWith("0000000000000000a3ce929d0e0e4736-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-b3", TRACE + "-" + SPAN + "-x", TRACE + "-short-1", "0-" + SPAN + "-1",
      "4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN + "-1", TRACE + "-" + SPAN + "-1-zz"})
  void invalidB3IsDropped(String b3) {
    ContextPropagators propagators = propagators("otel.propagators", "b3");
    Context context = extract(propagators, Map.of("b3", b3));
    assertThat(spanContext(context).isValid()).isFalse();
    assertThat(inject(propagators, context)).isEmpty();
  }

  @Test
  void b3MultiWithInvalidSampledIsDropped() {
    ContextPropagators propagators = propagators("otel.propagators", "b3multi");
    Context context = extract(propagators, Map.of(
        "x-b3-traceid", TRACE, "x-b3-spanid", "xyz", "x-b3-sampled", "1"));
    assertThat(spanContext(context).isValid()).isFalse();
  }

  @Test
  void b3MultiRoundTrip() {
    ContextPropagators propagators = propagators("otel.propagators", "b3multi");
    Context context = extract(propagators, Map.of(
        "x-b3-traceid", TRACE, "x-b3-spanid", SPAN, "x-b3-sampled", "1"));
    assertThat(spanContext(context).getTraceId()).isEqualTo(TRACE);
    Map<String, String> out = injectChild(propagators, context);
    assertThat(out).containsEntry("x-b3-traceid", TRACE).containsEntry("x-b3-sampled", "1");
    assertThat(out.get("x-b3-spanid")).hasSize(16).isNotEqualTo(SPAN);
  }

  @Test
  void jaegerOtTraceAndXrayRoundTrip() {
    assertRoundTrip("jaeger", Map.of("uber-trace-id", TRACE + ":" + SPAN + ":0:1"), "uber-trace-id");
    assertRoundTrip("ottrace", Map.of(
        "ot-tracer-traceid", TRACE, "ot-tracer-spanid", SPAN, "ot-tracer-sampled", "true"), "ot-tracer-traceid");
    assertRoundTrip("xray", Map.of(
        "X-Amzn-Trace-Id", "Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=" + SPAN + ";Sampled=1"),
        "x-amzn-trace-id");
  }

  private static void assertRoundTrip(String format, Map<String, String> headers, String expectedHeader) {
    ContextPropagators propagators = propagators("otel.propagators", format);
    Context context = extract(propagators, headers);
    assertThat(spanContext(context).getTraceId()).as(format).isEqualTo(TRACE);
    assertThat(spanContext(context).getSpanId()).as(format).isEqualTo(SPAN);
    assertThat(injectChild(propagators, context)).as(format).containsKey(expectedHeader);
  }

  @Test
  void severalFormatsExtractFromTheFirstValidAndInjectAll() {
    ContextPropagators propagators = propagators("otel.propagators", "b3multi,tracecontext,xray");
    String otherTrace = "11111111111111111111111111111111";
    Context context = extract(propagators, Map.of(
        "x-b3-traceid", "zz-not-hex", "x-b3-spanid", SPAN,            // invalid: skipped
        "traceparent", TRACEPARENT,                                   // first valid: wins
        "X-Amzn-Trace-Id", "Root=1-11111111-111111111111111111111111;Parent=" + SPAN + ";Sampled=1"));
    assertThat(spanContext(context).getTraceId()).isEqualTo(TRACE).isNotEqualTo(otherTrace);
    Map<String, String> out = injectChild(propagators, context);
    assertThat(out).containsKeys("x-b3-traceid", "traceparent", "x-amzn-trace-id");
    assertThat(out.get("x-b3-traceid")).isEqualTo(TRACE);
  }

  @Test
  void forwardHeadersAreCopiedVerbatimCaseInsensitively() {
    ContextPropagators propagators = propagators("baton.propagation.forward-headers", "X-Request-Id,x-tenant");
    Context context = extract(propagators, Map.of("X-REQUEST-ID", "A b/c;d=E", "x-tenant", "t1"));
    assertThat(VerbatimHeaders.get(context, "x-request-id")).isEqualTo("A b/c;d=E");
    assertThat(inject(propagators, context)).containsEntry("x-request-id", "A b/c;d=E").containsEntry("x-tenant", "t1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\r\nX-Evil: 1", "a\nb", "nul\u0000", "caf\u00e9", "\u007f"})
  void unsafeForwardHeaderValuesAreDropped(String value) {
    ContextPropagators propagators = propagators();
    Context context = extract(propagators, Map.of("x-request-id", value));
    assertThat(inject(propagators, context)).doesNotContainKey("x-request-id");
  }

  @Test
  void oversizedForwardHeaderIsDropped() {
    ContextPropagators propagators = propagators();
    Context context = extract(propagators, Map.of("x-request-id", "a".repeat(4097)));
    assertThat(inject(propagators, context)).isEmpty();
  }

  @Test
  void istioPresetForwardsItsHeaders() {
    ContextPropagators propagators = propagators("baton.propagation.forward-headers", "istio");
    Context context = extract(propagators, Map.of(
        "x-request-id", "r1", "x-ot-span-context", "abc;def", "x-datadog-trace-id", "123",
        "grpc-trace-bin", "AAA=", "x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1"));
    assertThat(inject(propagators, context)).containsOnlyKeys(
        "x-request-id", "x-ot-span-context", "x-datadog-trace-id", "grpc-trace-bin", "x-cloud-trace-context");
  }

  @Test
  void forwardModeCopiesValidTraceHeadersVerbatimAndInventsNoIds() {
    ContextPropagators propagators = propagators("baton.mode", "forward", "otel.propagators", "tracecontext,baggage,b3multi");
    Map<String, String> inbound = Map.of(
        "traceparent", TRACEPARENT, "tracestate", "vendor=opaque ,x=y",
        "baggage", "tenant = acme ;prop", "x-b3-traceid", TRACE, "x-b3-spanid", SPAN,
        "x-b3-parentspanid", "0000000000000001", "x-b3-sampled", "1", "x-request-id", "r-42");
    Context context = extract(propagators, inbound);
    // An instrumentation would start a span here: with no SDK it is non-recording and keeps the ids.
    Span span = OpenTelemetry.propagating(propagators).getTracer("t").spanBuilder("s").setParent(context).startSpan();
    Map<String, String> out = inject(propagators, context.with(span));
    assertThat(out).isEqualTo(lowerCased(inbound));
  }

  @Test
  void forwardModeDropsInvalidTraceHeaders() {
    ContextPropagators propagators = propagators("baton.mode", "forward");
    Context context = extract(propagators, Map.of(
        "traceparent", "00-" + TRACE + "-0000000000000000-01", "tracestate", "a=b", "x-request-id", "r"));
    assertThat(inject(propagators, context)).containsOnlyKeys("x-request-id");
  }

  static Map<String, String> lowerCased(Map<String, String> headers) {
    Map<String, String> result = new LinkedHashMap<>();
    headers.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
    return result;
  }

  static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier.get(key.toLowerCase(Locale.ROOT));
    }
  };

  static final TextMapSetter<Map<String, String>> SETTER =
      (carrier, key, value) -> carrier.put(key.toLowerCase(Locale.ROOT), value);
}
