package dev.baton.testing.servlet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.testing.servlet.ServletTestApp.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.EdgeRequest;
import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the servlet instrumentation must do on every container, held to the same assertions for
 * each: a container module's test names its {@link ServletContainer}, an API's abstract subclass
 * names the test application in that API's types. Requests come from {@link EdgeRequest} (exactly
 * the headers meant), outbound calls of the application go to WireMock on 127.0.0.1, and spans
 * are the agent's real OTLP export.
 */
public abstract class AbstractServletContainerTest<S, F> extends ServletContainerTestBase<S, F> {

  protected static final Duration WAIT = Duration.ofSeconds(30);
  /** How long to keep listening for spans that should not come. */
  private static final long SETTLE_MILLIS = 500;
  private static final String INBOUND_PARENT = "00f067aa0ba902b7";
  private static final String USER_AGENT = "baton-edge/1.0";

  @RegisterExtension
  protected static final WireMockExtension downstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  /** The instrumentation scope of the SERVER spans, for example {@code baton.servlet-5.0}. */
  protected abstract String scopeName();

  @BeforeEach
  void stubDownstream() {
    downstream.stubFor(any(urlPathMatching("/downstream/.*")).willReturn(aResponse().withStatus(200)));
  }

  @Test
  void continuesTheInboundTrace() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(), ROUTE + "?downstream=" + downstreamUrl("route"),
        "traceparent", traceparent(traceId), "baggage", "tenant=acme", "User-Agent", USER_AGENT);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");

    List<ReceivedSpan> spans = settledTrace(traceId, 2);
    ReceivedSpan server = only(spans, "SERVER");
    assertThat(server.parentSpanId()).isEqualTo(INBOUND_PARENT);
    assertThat(server.name()).isEqualTo("GET /route");
    assertThat(server.scopeName()).isEqualTo(scopeName());
    assertThat(server.statusCode()).isEqualTo("UNSET");
    assertThat(server.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.path", ROUTE)
        .containsEntry("url.scheme", "http")
        .containsEntry("http.route", ROUTE)
        .containsEntry("http.response.status_code", "200")
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", Integer.toString(port()))
        .containsEntry("client.address", "127.0.0.1")
        .containsEntry("user_agent.original", USER_AGENT)
        .containsEntry("network.protocol.version", "1.1");

    LoggedRequest arrived = onlyRequest("/downstream/route");
    assertThat(arrived.getHeader("baggage")).as("baggage made current for the handler").isEqualTo("tenant=acme");
    assertCalledFrom(server, only(spans, "CLIENT"), arrived);
  }

  /** Envoy's headers reach the application's outbound call, made directly or from a pool. */
  @Test
  void meshHeadersReachTheDownstreamDirectlyAndFromAPool() throws Exception {
    for (String how : new String[] {"direct", "pool"}) {
      String traceId = newTraceId();
      String query = "?downstream=" + downstreamUrl("mesh-" + how) + (how.equals("pool") ? "&pool=1" : "");
      EdgeRequest.Response response = EdgeRequest.get(port(), ROUTE + query,
          "traceparent", traceparent(traceId), "x-b3-traceid", traceId, "x-b3-spanid", INBOUND_PARENT,
          "x-b3-sampled", "1", "baggage", "tenant=acme", "x-request-id", "req-" + how);
      assertThat(response.status()).as(how).isEqualTo(200);
      LoggedRequest arrived = onlyRequest("/downstream/mesh-" + how);
      assertThat(arrived.getHeader("x-request-id")).as(how).isEqualTo("req-" + how);
      assertThat(arrived.getHeader("x-b3-traceid")).as(how).isEqualTo(traceId);
      assertThat(arrived.getHeader("baggage")).as(how).isEqualTo("tenant=acme");
      List<ReceivedSpan> spans = settledTrace(traceId, 2);
      assertCalledFrom(only(spans, "SERVER"), only(spans, "CLIENT"), arrived);
    }
  }

  @Test
  void startsATraceWhenNoHeadersCame() throws Exception {
    assertThat(EdgeRequest.get(port(), ROUTE + "?case=root").status()).isEqualTo(200);
    ReceivedSpan server = serverSpanOf("case=root");
    assertThat(server.isRoot()).isTrue();
    assertThat(server.name()).isEqualTo("GET /route");
  }

  @Test
  void filtersAndTheirServletMakeOneSpan() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(), FILTERED, "traceparent", traceparent(traceId));
    assertThat(response.body()).as("both filters ran").isEqualTo("ok after ab");
    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.name()).isEqualTo("GET /filtered");
    assertThat(server.attribute("http.route")).isEqualTo(FILTERED);
  }

  @Test
  void aForwardMakesOneSpan() throws Exception {
    assertOneSpanFor(FORWARD);
  }

  @Test
  void anIncludeMakesOneSpan() throws Exception {
    assertOneSpanFor(INCLUDE);
  }

  @Test
  void aServletCallingAnotherMakesOneSpan() throws Exception {
    assertOneSpanFor(NESTED);
  }

  private void assertOneSpanFor(String path) throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(), path, "traceparent", traceparent(traceId));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.name()).isEqualTo("GET " + path);
    assertThat(server.attribute("http.route")).isEqualTo(path);
  }

  @Test
  void aReturned500IsAnError() throws Exception {
    String traceId = newTraceId();
    assertThat(EdgeRequest.get(port(), STATUS_500, "traceparent", traceparent(traceId)).status()).isEqualTo(500);
    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.statusCode()).isEqualTo("ERROR");
    assertThat(server.attributes())
        .containsEntry("http.response.status_code", "500")
        .containsEntry("error.type", "500");
    assertThat(server.eventNames()).doesNotContain("exception");
  }

  @Test
  void aThrownExceptionIsRecordedAndReachesTheContainerUnchanged() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(), THROW, "traceparent", traceparent(traceId));
    assertThat(response.status()).as("the container's error response").isEqualTo(500);
    assertThat(response.body()).isEqualTo("error page: the thrown exception");

    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.name()).isEqualTo("GET /throw");
    assertThat(server.statusCode()).isEqualTo("ERROR");
    assertThat(server.attributes())
        .containsEntry("http.response.status_code", "500")
        .containsEntry("error.type", IllegalStateException.class.getName());
    assertThat(server.firstExceptionEvent())
        .containsEntry("exception.type", IllegalStateException.class.getName())
        .containsEntry("exception.message", "thrown by " + THROW);
  }

  @Test
  void anAsyncRequestsSpanEndsWithItsResponse() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(), ASYNC_COMPLETE, "traceparent", traceparent(traceId));
    assertThat(response.body()).isEqualTo("completed");
    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.durationMillis()).isGreaterThanOrEqualTo(ASYNC_DELAY_MILLIS);
    assertThat(server.attributes()).containsEntry("http.response.status_code", "200");
    assertThat(server.statusCode()).isEqualTo("UNSET");
  }

  @Test
  void anAsyncDispatchRunsInTheRequestsContext() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(),
        ASYNC_DISPATCH + "?downstream=" + downstreamUrl("async-dispatch"), "traceparent", traceparent(traceId));
    assertThat(response.body()).isEqualTo("dispatched, downstream 200");
    List<ReceivedSpan> spans = settledTrace(traceId, 2);
    ReceivedSpan server = only(spans, "SERVER");
    assertThat(server.name()).isEqualTo("GET /async-dispatch");
    assertCalledFrom(server, only(spans, "CLIENT"), onlyRequest("/downstream/async-dispatch"));
  }

  @Test
  void anAsyncTaskRunsInTheRequestsContext() throws Exception {
    String traceId = newTraceId();
    EdgeRequest.Response response = EdgeRequest.get(port(),
        ASYNC_START + "?downstream=" + downstreamUrl("async-start"), "traceparent", traceparent(traceId));
    assertThat(response.body()).isEqualTo("started, downstream 200");
    List<ReceivedSpan> spans = settledTrace(traceId, 2);
    ReceivedSpan server = only(spans, "SERVER");
    assertThat(server.name()).isEqualTo("GET /async-start");
    assertCalledFrom(server, only(spans, "CLIENT"), onlyRequest("/downstream/async-start"));
  }

  /**
   * After async work the container's threads carry nothing: a request without headers, on
   * whichever pooled thread, starts a trace of its own. Enough requests to pass through every
   * thread of a small pool.
   */
  @Test
  void threadsAreCleanAfterAsyncWork() throws Exception {
    for (int i = 0; i < 3; i++) {
      String traceId = newTraceId();
      EdgeRequest.get(port(), ASYNC_START + "?downstream=" + downstreamUrl("clean"), "traceparent", traceparent(traceId));
      EdgeRequest.get(port(), ASYNC_DISPATCH + "?downstream=" + downstreamUrl("clean"), "traceparent", traceparent(traceId));
    }
    int requests = 24;
    for (int i = 0; i < requests; i++) {
      assertThat(EdgeRequest.get(port(), ROUTE + "?case=clean").status()).isEqualTo(200);
    }
    List<ReceivedSpan> spans =
        receiver().await(s -> s.kind().equals("SERVER") && "case=clean".equals(s.attribute("url.query")), requests, WAIT);
    Set<String> traceIds = new HashSet<>();
    for (ReceivedSpan span : spans) {
      assertThat(span.isRoot()).as("a new trace, not a leftover context: %s", span).isTrue();
      traceIds.add(span.traceId());
    }
    assertThat(traceIds).hasSize(requests);
  }

  @Test
  void aPrefixMappingIsTheRoute() throws Exception {
    String traceId = newTraceId();
    assertThat(EdgeRequest.get(port(), "/api/users/42", "traceparent", traceparent(traceId)).status()).isEqualTo(200);
    ReceivedSpan server = only(settledTrace(traceId, 1), "SERVER");
    assertThat(server.name()).isEqualTo("GET /api/*");
    assertThat(server.attributes())
        .containsEntry("http.route", "/api/*")
        .containsEntry("url.path", "/api/users/42");
  }

  /** The CLIENT span is the SERVER span's child, and the downstream's parent is the CLIENT span. */
  private static void assertCalledFrom(ReceivedSpan server, ReceivedSpan client, LoggedRequest arrived) {
    Traceparent traceparent = Traceparent.parse(arrived.getHeader("traceparent"));
    assertThat(traceparent.traceId()).isEqualTo(server.traceId());
    assertThat(client.parentSpanId()).as("parent of the CLIENT span").isEqualTo(server.spanId());
    assertThat(traceparent.parentId()).as("the downstream's parent").isEqualTo(client.spanId());
  }

  protected static OtlpReceiver receiver() {
    return AgentExtension.receiver();
  }

  protected static String newTraceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong() | 1, random.nextLong());
  }

  protected static String traceparent(String traceId) {
    return "00-" + traceId + "-" + INBOUND_PARENT + "-01";
  }

  private static String downstreamUrl(String name) {
    return "http://127.0.0.1:" + downstream.getPort() + "/downstream/" + name;
  }

  /** The trace once {@code count} spans arrived and no more came for a while. */
  private static List<ReceivedSpan> settledTrace(String traceId, int count) throws InterruptedException {
    receiver().awaitTrace(traceId, count, WAIT);
    Thread.sleep(SETTLE_MILLIS);
    List<ReceivedSpan> spans = receiver().spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    assertThat(spans).as("spans of trace %s", traceId).hasSize(count);
    return spans;
  }

  private static ReceivedSpan serverSpanOf(String query) throws InterruptedException {
    return receiver().await(s -> s.kind().equals("SERVER") && query.equals(s.attribute("url.query")), 1, WAIT).get(0);
  }

  protected static ReceivedSpan only(List<ReceivedSpan> spans, String kind) {
    List<ReceivedSpan> ofKind = spans.stream().filter(s -> s.kind().equals(kind)).toList();
    assertThat(ofKind).as("%s spans in %s", kind, spans).hasSize(1);
    return ofKind.get(0);
  }

  private static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as("requests to %s", path).hasSize(1);
    return requests.get(0);
  }
}
