package dev.baton.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import dev.baton.agent.tracing.Propagation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's real propagator set for one {@code otel.propagators} value, in trace mode and in
 * forward mode, with the forward-headers of the Istio preset; runs extract → (child span) →
 * inject on one input and checks every property of issue 8 on the way.
 */
final class PropagationHarness {

  /**
   * CPU time of the calling thread per input, extract and inject in both modes: far above the
   * microseconds a header takes, far below what a quadratic parser takes on a few MiB. Thread
   * CPU time, not wall time, so that a loaded machine or a GC pause (other threads) is not
   * taken for a slow parser.
   */
  static final Duration LIMIT = Duration.ofMillis(Long.getLong("baton.fuzz.limit-ms", 500));

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final Tracer TRACER = SdkTracerProvider.builder().build().get("fuzz");

  private final ContextPropagators traceMode;
  private final ContextPropagators forwardMode;

  PropagationHarness(String propagators) {
    this.traceMode = propagators(propagators, "trace");
    this.forwardMode = propagators(propagators, "forward");
    // Class loading and the first compilations are not what the time limit is about.
    HeaderBlock sample = HeaderBlock.parse(WARM_UP.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    for (int i = 0; i < 200; i++) {
      checkMode(traceMode, sample, HeaderBlock.GETTER, true);
      checkMode(forwardMode, sample, HeaderBlock.GETTER, false);
    }
  }

  private static final String WARM_UP =
      "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\ntracestate: a=b\n"
          + "baggage: k=v\nb3: 80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1\n"
          + "uber-trace-id: 4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1\nuberctx-a: b\n"
          + "ot-tracer-traceid: a3ce929d0e0e4736\not-tracer-spanid: 00f067aa0ba902b7\n"
          + "X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1\n"
          + "x-request-id: abc\n";

  private static ContextPropagators propagators(String propagators, String mode) {
    Properties properties = new Properties();
    properties.setProperty("otel.propagators", propagators);
    properties.setProperty("baton.mode", mode);
    properties.setProperty("baton.propagation.forward-headers", "istio");
    AgentConfig config = new AgentConfig(ConfigProperties.forTest(properties));
    assertThat(config.problems()).isEmpty();
    return Propagation.create(config);
  }

  /** Runs the input through both modes; returns what went out in trace mode. */
  <C> Map<String, String> check(C carrier, TextMapGetter<C> getter) {
    long start = THREADS.getCurrentThreadCpuTime();
    Map<String, String> out = checkMode(traceMode, carrier, getter, true);
    checkMode(forwardMode, carrier, getter, false);
    Duration took = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start);
    assertThat(took).as("CPU time for one input").isLessThan(LIMIT);
    return out;
  }

  private static <C> Map<String, String> checkMode(
      ContextPropagators propagators, C carrier, TextMapGetter<C> getter, boolean childSpan) {
    Context extracted = propagators.getTextMapPropagator().extract(Context.root(), carrier, getter);
    PropagationProperties.assertValidOrAbsent(extracted);
    Context outbound = extracted;
    if (childSpan) {
      // What an instrumented client sends: a CLIENT span of the extracted context.
      outbound = extracted.with(TRACER.spanBuilder("client").setParent(extracted).startSpan());
    }
    Map<String, String> out = new LinkedHashMap<>();
    propagators.getTextMapPropagator().inject(outbound, out, MAP_SETTER);
    PropagationProperties.assertSafeOutbound(out);
    Span.fromContext(outbound).end();
    return out;
  }

  static final TextMapSetter<Map<String, String>> MAP_SETTER = (map, key, value) -> map.put(key, value);
}
