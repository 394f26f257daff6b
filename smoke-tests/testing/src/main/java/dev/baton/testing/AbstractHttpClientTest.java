package dev.baton.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every HTTP client instrumentation must do, held to the same assertions for every client:
 * a module's test extends this and says how to send one request. Runs in a JVM with the built
 * agent attached; the downstream is WireMock on 127.0.0.1, the parent context comes from a real
 * instrumented servlet ({@link TracedServer}), spans from the agent's real OTLP export.
 */
@ExtendWith(AgentExtension.class)
public abstract class AbstractHttpClientTest {

  protected static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  protected static final String INBOUND_PARENT = "00f067aa0ba902b7";
  protected static final String TRACEPARENT = "00-" + TRACE_ID + "-" + INBOUND_PARENT + "-01";
  protected static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  protected static final WireMockExtension downstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /**
   * Sends one request with the client under test, as an application would, and returns the
   * response status; throws whatever the client throws.
   */
  protected abstract int send(String method, URI uri, Map<String, String> headers) throws Exception;

  /** The instrumentation scope of the client's spans, for example {@code baton.okhttp-3.0}. */
  protected abstract String scopeName();

  /** Whether the client follows redirects by itself (with its default configuration). */
  protected boolean followsRedirects() {
    return true;
  }

  @BeforeEach
  void stubDownstream() {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("ok")));
    downstream.stubFor(any(urlPathEqualTo("/error")).willReturn(aResponse().withStatus(500)));
    downstream.stubFor(any(urlPathEqualTo("/redirect"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/ok")));
  }

  protected URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + downstream.getPort() + pathAndQuery);
  }

  protected static OtlpReceiver receiver() {
    return AgentExtension.receiver();
  }

  /** The mesh headers an edge proxy (Envoy) sends into the service. */
  protected static String[] meshHeaders() {
    return new String[] {
      "traceparent", TRACEPARENT,
      "x-b3-traceid", TRACE_ID, "x-b3-spanid", INBOUND_PARENT, "x-b3-sampled", "1",
      "baggage", "tenant=acme",
      "x-request-id", "0f3c9a1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b"};
  }

  @Test
  void carriesTheInboundTraceDownstream() throws Exception {
    try (TracedServer server = TracedServer.start(
        request -> Integer.toString(send("GET", uri("/ok?item=1"), Map.of("x-app", "1"))))) {
      assertThat(server.call(meshHeaders())).isEqualTo("200");
    }
    assertArrivedWithTheInboundTrace(onlyRequest("/ok"));
  }

  /** The same, with the call made from a thread pool the handler hands the work to. */
  @Test
  void carriesTheInboundTraceFromAThreadPool() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try (TracedServer server = TracedServer.start(request -> Integer.toString(
        pool.submit(() -> send("GET", uri("/ok?item=1"), Map.of("x-app", "1"))).get()))) {
      assertThat(server.call(meshHeaders())).isEqualTo("200");
    } finally {
      pool.shutdownNow();
    }
    assertArrivedWithTheInboundTrace(onlyRequest("/ok"));
  }

  /** Headers on the wire and the exported tree: SERVER child of the inbound parent, CLIENT child of SERVER. */
  private void assertArrivedWithTheInboundTrace(LoggedRequest arrived) throws Exception {
    Traceparent traceparent = Traceparent.parse(arrived.getHeader("traceparent"));
    assertThat(traceparent.traceId()).isEqualTo(TRACE_ID);
    assertThat(traceparent.sampled()).isTrue();
    assertThat(arrived.getHeader("baggage")).isEqualTo("tenant=acme");
    assertThat(arrived.getHeader("x-app")).as("the application's own header").isEqualTo("1");
    assertThat(arrived.getHeader("x-request-id")).as("the mesh's request id, verbatim")
        .isEqualTo("0f3c9a1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b");
    assertThat(arrived.getHeader("x-b3-traceid")).as("B3 multi, for Envoy").isEqualTo(TRACE_ID);
    assertThat(arrived.getHeader("x-b3-spanid")).isEqualTo(traceparent.parentId());
    assertThat(arrived.getHeader("x-b3-sampled")).isEqualTo("1");

    List<ReceivedSpan> spans = receiver().awaitTrace(TRACE_ID, 2, WAIT);
    ReceivedSpan server = only(spans, "SERVER");
    ReceivedSpan client = only(spans, "CLIENT");
    assertThat(server.parentSpanId()).isEqualTo(INBOUND_PARENT);
    assertThat(client.parentSpanId()).isEqualTo(server.spanId());
    assertThat(client.spanId()).as("the downstream's parent is the CLIENT span").isEqualTo(traceparent.parentId());
    assertThat(client.scopeName()).isEqualTo(scopeName());
    assertThat(client.name()).isEqualTo("GET");
    assertThat(client.statusCode()).isEqualTo("UNSET");
    assertThat(client.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.full", uri("/ok?item=1").toString())
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", Integer.toString(downstream.getPort()))
        .containsEntry("http.response.status_code", "200");
  }

  @Test
  void startsANewTraceOutsideAnyRequest() throws Exception {
    assertThat(send("POST", uri("/ok"), Map.of())).isEqualTo(200);
    Traceparent traceparent = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.isRoot()).isTrue();
    assertThat(client.spanId()).isEqualTo(traceparent.parentId());
    assertThat(client.name()).isEqualTo("POST");
  }

  @Test
  void serverErrorMarksTheSpan() throws Exception {
    assertThat(send("GET", uri("/error"), Map.of())).isEqualTo(500);
    Traceparent traceparent = Traceparent.parse(onlyRequest("/error").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.attributes())
        .containsEntry("http.response.status_code", "500")
        .containsEntry("error.type", "500");
  }

  @Test
  void connectionFailureReachesTheCallerUnchanged() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    Throwable thrown = catchThrowable(
        () -> send("GET", URI.create("http://127.0.0.1:" + deadPort + "/nothing"), Map.of()));
    assertThat(thrown).as("the client's own failure").isNotNull();
    List<ReceivedSpan> spans = receiver().await(
        s -> s.kind().equals("CLIENT") && String.valueOf(s.attribute("url.full")).contains(":" + deadPort + "/"),
        1, WAIT);
    ReceivedSpan client = spans.get(0);
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.firstExceptionEvent()).containsEntry("exception.type", thrown.getClass().getName());
    assertThat(client.attributes()).containsEntry("error.type", thrown.getClass().getName());
  }

  @Test
  void redirectsCarryTheTraceOnEveryAttempt() throws Exception {
    if (!followsRedirects()) {
      return;
    }
    assertThat(send("GET", uri("/redirect"), Map.of())).isEqualTo(200);
    Traceparent first = Traceparent.parse(onlyRequest("/redirect").getHeader("traceparent"));
    Traceparent second = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    assertThat(second.traceId()).isEqualTo(first.traceId());
  }

  /** The single span of the given kind among {@code spans}. */
  protected static ReceivedSpan only(List<ReceivedSpan> spans, String kind) {
    List<ReceivedSpan> ofKind = spans.stream().filter(s -> s.kind().equals(kind)).toList();
    assertThat(ofKind).as("%s spans in %s", kind, spans).hasSize(1);
    return ofKind.get(0);
  }

  /** The single request WireMock received on a path. */
  protected static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as("requests to %s", path).hasSize(1);
    return requests.get(0);
  }
}
