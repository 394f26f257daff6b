package dev.baton.bench.micro;

import dev.baton.agent.config.AgentConfig;
import dev.baton.agent.config.ConfigProperties;
import dev.baton.agent.tracing.TracingSetup;
import dev.baton.instrumentation.api.http.HttpClientAttributesGetter;
import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.URI;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A span's start and end with its attributes, on the SDK as the agent builds it (export off):
 * through the shared HTTP client tracer every client module uses (name, five attributes,
 * status), and directly on the SDK with the same attributes, for comparison.
 */
@State(Scope.Benchmark)
public class SpanBenchmark {

  /** A request as the tracer sees it: method and URI. */
  record Call(String method, URI uri, int status) {}

  private static final HttpClientAttributesGetter<Call, Call> GETTER = new HttpClientAttributesGetter<>() {
    @Override
    public String method(Call request) {
      return request.method();
    }

    @Override
    public URI uri(Call request) {
      return request.uri();
    }

    @Override
    public int statusCode(Call response) {
      return response.status();
    }
  };

  private HttpClientTracer<Call, Call> clientTracer;
  private Tracer tracer;
  private Context parent;
  private final Call call = new Call("GET", URI.create("http://inventory.internal:8080/items/42?x=1"), 200);

  @Setup
  public void setUp() {
    OpenTelemetrySdk sdk = TracingSetup.create(
        new AgentConfig(ConfigProperties.fromEnvironment("otel.traces.exporter=none")), "bench");
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(sdk);
    clientTracer = new HttpClientTracer<>("bench", GETTER);
    tracer = sdk.getTracer("bench");
    parent = Context.root().with(tracer.spanBuilder("parent").startSpan());
  }

  @Benchmark
  public Context httpClientSpan() {
    Context context = clientTracer.start(parent, call);
    clientTracer.end(context, call, null);
    return context;
  }

  @Benchmark
  public Span sdkSpanWithFiveAttributes() {
    Span span = tracer.spanBuilder("GET")
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute("http.request.method", "GET")
        .setAttribute("url.full", "http://inventory.internal:8080/items/42?x=1")
        .setAttribute("server.address", "inventory.internal")
        .setAttribute("server.port", 8080L)
        .startSpan();
    span.setAttribute("http.response.status_code", 200L);
    span.end();
    return span;
  }
}
