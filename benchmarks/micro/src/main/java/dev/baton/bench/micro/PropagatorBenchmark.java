package dev.baton.bench.micro;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import dev.baton.agent.tracing.Propagation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every propagation format's extract (from inbound headers) and inject (into an outbound
 * carrier), as the agent configures them, in trace mode and in forward mode (verbatim copies),
 * with one forwarded mesh header ({@code x-request-id}) besides.
 */
@State(Scope.Benchmark)
public class PropagatorBenchmark {

  @Param({"tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "xray"})
  public String format;

  @Param({"trace", "forward"})
  public String mode;

  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key.toLowerCase(java.util.Locale.ROOT));
    }
  };

  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private TextMapPropagator propagator;
  private Map<String, String> inbound;
  private Context extracted;

  @Setup
  public void setUp() {
    propagator = Propagation.create(new AgentConfig(ConfigProperties.fromEnvironment(
        "otel.propagators=" + format + ";baton.mode=" + mode))).getTextMapPropagator();
    // What an upstream agent with the same format would have sent.
    SpanContext upstream = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        TraceFlags.getSampled(), TraceState.getDefault());
    Context context = Context.root().with(Span.wrap(upstream))
        .with(Baggage.builder().put("tenant", "acme").put("region", "eu").build());
    inbound = new HashMap<>();
    propagator.inject(context, inbound, SETTER);
    if (mode.equals("forward") || inbound.isEmpty()) {
      // forward mode writes only what it received: build the inbound headers in trace mode
      Propagation.create(new AgentConfig(ConfigProperties.fromEnvironment("otel.propagators=" + format)))
          .getTextMapPropagator().inject(context, inbound, SETTER);
    }
    inbound.put("x-request-id", "6f1c1b7e-5d0e-4c52-9a55-2f3e9a6d9f11");
    extracted = propagator.extract(Context.root(), inbound, GETTER);
  }

  @Benchmark
  public Context extract() {
    return propagator.extract(Context.root(), inbound, GETTER);
  }

  @Benchmark
  public Map<String, String> inject() {
    Map<String, String> outbound = new HashMap<>(8);
    propagator.inject(extracted, outbound, SETTER);
    return outbound;
  }
}
