package dev.baton.instrumentation.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dispatch rules, on a plain request object and the real SDK. */
class HttpServerCallsTest {

  private static final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private static HttpServerCalls<Request, Integer> calls;

  @BeforeAll
  static void installSdk() {
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build());
    calls =
        new HttpServerCalls<>(
            new HttpServerTracer<>("test", new Attributes(), new Headers()), new Accessor());
  }

  @AfterEach
  void reset() {
    exported.reset();
    assertThat(Context.current()).as("left on the test thread").isSameAs(Context.root());
  }

  @Test
  void nestedCallsOnTheSameThreadShareTheOneSpan() {
    Request request = new Request();
    Object outer = calls.enter(request);
    assertThat(calls.enter(request)).as("a filter or forward below the first call").isNull();
    calls.exit(outer, request, 200, null);
    assertThat(exported.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void aLaterDispatchRunsInTheRequestsContextWithoutASpanOfItsOwn() throws Exception {
    Request request = new Request();
    Object first = calls.enter(request);
    Span server = Span.current();
    request.async = true;
    calls.exit(first, request, 200, null);
    assertThat(exported.getFinishedSpanItems()).as("async: not ended with the first call").isEmpty();

    AtomicReference<Span> seen = new AtomicReference<>();
    runOnOtherThread(() -> {
      Object dispatch = calls.enter(request);
      seen.set(Span.current());
      calls.exit(dispatch, request, 200, null);
    });
    assertThat(seen.get()).isSameAs(server);
    assertThat(exported.getFinishedSpanItems()).isEmpty();

    calls.end(request.asyncCall, 200, null);
    calls.end(request.asyncCall, 200, null);
    assertThat(exported.getFinishedSpanItems()).as("ended once").hasSize(1);
  }

  @Test
  void whatALaterDispatchThrowsEndsUpOnTheSpan() throws Exception {
    Request request = new Request();
    request.async = true;
    calls.exit(calls.enter(request), request, 200, null);
    IllegalStateException failure = new IllegalStateException("async target failed");
    runOnOtherThread(() -> calls.exit(calls.enter(request), request, 200, failure));
    calls.end(request.asyncCall, 500, null);
    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
  }

  @Test
  void anAsyncTaskRunsInTheRequestsContextAndLeavesItsThreadClean() throws Exception {
    Request request = new Request();
    request.async = true;
    Object first = calls.enter(request);
    Span server = Span.current();
    calls.exit(first, request, 200, null);

    AtomicReference<Span> inTask = new AtomicReference<>();
    AtomicReference<Context> after = new AtomicReference<>();
    runOnOtherThread(() -> {
      calls.wrapAsyncTask(request, () -> inTask.set(Span.current())).run();
      after.set(Context.current());
    });
    assertThat(inTask.get()).isSameAs(server);
    assertThat(after.get()).isSameAs(Context.root());
  }

  @Test
  void aTaskWithNothingToCarryIsLeftAsItIs() {
    Runnable task = () -> {};
    assertThat(calls.wrapAsyncTask(null, task)).isSameAs(task);
    assertThat(calls.wrapAsyncTask(new Request(), task)).isSameAs(task);
  }

  @Test
  void aThrownExceptionMarksTheSpan() {
    Request request = new Request();
    calls.exit(calls.enter(request), request, 200, new IllegalArgumentException("bad"));
    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(500L);
  }

  @Test
  void aSpringMvcPatternNamesTheSpanUnderTheServletsMapping() throws Exception {
    Request request = new Request();
    request.servletRoute = "/app/*";
    Object call = calls.enter(request);
    request.attributes.put(HttpRoutes.SPRING_MVC_PATTERN_ATTRIBUTE, "/orders/{id}");
    calls.exit(call, request, 200, null);
    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("GET /app/orders/{id}");
    assertThat(span.getAttributes().get(SemanticAttributes.HTTP_ROUTE)).isEqualTo("/app/orders/{id}");
  }

  @Test
  void anAsyncRequestIsNamedWhenItsFirstDispatchReturns() throws Exception {
    Request request = new Request();
    request.servletRoute = "/*";
    request.async = true;
    Object call = calls.enter(request);
    request.attributes.put(HttpRoutes.SPRING_MVC_PATTERN_ATTRIBUTE, "/deferred");
    calls.exit(call, request, 200, null);
    request.attributes.remove(HttpRoutes.SPRING_MVC_PATTERN_ATTRIBUTE);
    calls.end(request.asyncCall, 200, null);
    assertThat(exported.getFinishedSpanItems().get(0).getName()).isEqualTo("GET /deferred");
  }

  @Test
  void withoutAFrameworkPatternTheServletMappingNamesTheSpan() {
    Request request = new Request();
    request.servletRoute = "/app/*";
    calls.exit(calls.enter(request), request, 404, null);
    SpanData span = exported.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("GET /app/*");
    assertThat(span.getAttributes().get(SemanticAttributes.HTTP_ROUTE)).isEqualTo("/app/*");
  }

  static void runOnOtherThread(Runnable action) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        action.run();
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    thread.start();
    thread.join();
    assertThat(failure.get()).isNull();
  }

  static final class Request {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new HashMap<>();
    volatile String servletRoute;
    volatile boolean async;
    volatile ServerCall asyncCall;
  }

  static final class Accessor implements ServerRequestAccessor<Request> {
    @Override
    public Object getAttribute(Request request, String name) {
      return request.attributes.get(name);
    }

    @Override
    public void setAttribute(Request request, String name, Object value) {
      request.attributes.put(name, value);
    }

    @Override
    public boolean isAsyncStarted(Request request) {
      return request.async;
    }

    @Override
    public boolean endWhenAsyncCompletes(Request request, ServerCall call) {
      request.asyncCall = call;
      return true;
    }
  }

  static final class Headers implements TextMapGetter<Request> {
    @Override
    public Iterable<String> keys(Request request) {
      return request.headers.keySet();
    }

    @Override
    public String get(Request request, String key) {
      return request == null ? null : request.headers.get(key);
    }
  }

  static final class Attributes implements HttpServerAttributesGetter<Request, Integer> {
    @Override public String method(Request request) { return "GET"; }
    @Override public String scheme(Request request) { return "http"; }
    @Override public String path(Request request) { return "/path"; }
    @Override public String query(Request request) { return null; }
    @Override public String route(Request request) { return request.servletRoute; }
    @Override public String serverAddress(Request request) { return "127.0.0.1"; }
    @Override public int serverPort(Request request) { return 8080; }
    @Override public String clientAddress(Request request) { return "127.0.0.1"; }
    @Override public String header(Request request, String name) { return null; }
    @Override public String protocolVersion(Request request) { return "1.1"; }
    @Override public int statusCode(Integer response) { return response; }
  }
}
