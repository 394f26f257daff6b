package dev.baton.librarytest.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.okhttp.OkHttpRequests.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import dev.baton.testing.Traceparent;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Call.enqueue(Callback)}: the span starts at enqueue under the caller's context, and the
 * callback runs on OkHttp's dispatcher thread with the caller's context current again.
 *
 * <p>Why the caller's context and not the CLIENT span's: the callback is the caller carrying on
 * once the response is in, just as code after {@code execute()} returns. A call made there is the
 * caller's next call, a sibling of the first: its CLIENT span's parent is the caller's span (here
 * the SERVER span), not the first CLIENT span, which has ended by then. OpenTelemetry's OkHttp
 * instrumentation gives the callback the same context.
 */
class OkHttpAsyncTest extends AbstractOkHttpTest {

  @Override
  protected int send(OkHttpClient client, Request request) throws Exception {
    return OkHttpRequests.enqueue(client, request);
  }

  @BeforeEach
  void stubMorePaths() {
    for (String path : List.of("/nested", "/later", "/plain")) {
      downstream.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
    }
  }

  @Test
  void onResponseRunsInTheCallersContext() throws Exception {
    try (TracedServer server = TracedServer.start(request -> Integer.toString(
        OkHttpRequests.enqueue(CLIENT, OkHttpRequests.get(uri("/ok")), this::nestedCall)))) {
      assertThat(server.call("traceparent", TRACEPARENT)).isEqualTo("200");
    }
    assertNestedCallIsASiblingOf("/ok");
  }

  @Test
  void onFailureRunsInTheCallersContext() throws Exception {
    URI dead = deadUri();
    try (TracedServer server = TracedServer.start(request -> {
      Throwable failure = catchThrowable(
          () -> OkHttpRequests.enqueue(CLIENT, OkHttpRequests.get(dead), this::nestedCall));
      return failure.getClass().getName();
    })) {
      assertThat(server.call("traceparent", TRACEPARENT)).isEqualTo(java.net.ConnectException.class.getName());
    }
    assertNestedCallIsASiblingOf(":" + dead.getPort() + "/");
  }

  @Test
  void dispatcherThreadKeepsNoContextForLaterWork() throws Exception {
    // one dispatcher thread, so the later work runs on the very thread the traced call used
    ExecutorService dispatcherThread = Executors.newSingleThreadExecutor();
    OkHttpClient client = CLIENT.newBuilder().dispatcher(new Dispatcher(dispatcherThread)).build();
    try {
      try (TracedServer server = TracedServer.start(request -> Integer.toString(
          OkHttpRequests.enqueue(client, OkHttpRequests.get(uri("/ok")))))) {
        assertThat(server.call("traceparent", TRACEPARENT)).isEqualTo("200");
      }
      assertThat(Traceparent.parse(onlyRequest("/ok").getHeader("traceparent")).traceId())
          .isEqualTo(TRACE_ID);

      // later and unrelated, on the very same thread: a plain task, then a call enqueued
      // outside any request; each must start a trace of its own
      int plain = dispatcherThread
          .submit(() -> OkHttpRequests.execute(CLIENT, OkHttpRequests.get(uri("/plain"))))
          .get(30, TimeUnit.SECONDS);
      assertThat(plain).isEqualTo(200);
      assertThat(OkHttpRequests.enqueue(client, OkHttpRequests.get(uri("/later")))).isEqualTo(200);
    } finally {
      dispatcherThread.shutdownNow();
    }
    Set<String> traces = new HashSet<>(Set.of(TRACE_ID));
    for (String path : List.of("/plain", "/later")) {
      Traceparent traceparent = Traceparent.parse(onlyRequest(path).getHeader("traceparent"));
      assertThat(traces.add(traceparent.traceId())).as("%s has a new trace", path).isTrue();
      ReceivedSpan span = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
      assertThat(span.isRoot()).as("%s starts its own trace", path).isTrue();
      assertThat(span.spanId()).as("%s carries its own span", path).isEqualTo(traceparent.parentId());
    }
  }

  private void nestedCall() throws IOException {
    assertThat(OkHttpRequests.execute(CLIENT, OkHttpRequests.get(uri("/nested")))).isEqualTo(200);
  }

  /** The call made in the callback: same trace, child of the SERVER span, carried downstream. */
  private void assertNestedCallIsASiblingOf(String firstCallUrlPart) throws Exception {
    List<ReceivedSpan> spans = receiver().awaitTrace(TRACE_ID, 3, WAIT);
    ReceivedSpan server = only(spans, "SERVER");
    List<ReceivedSpan> clients = spans.stream().filter(s -> s.kind().equals("CLIENT")).toList();
    assertThat(clients).hasSize(2);
    ReceivedSpan nested = clients.stream()
        .filter(s -> s.attribute("url.full").endsWith("/nested")).findFirst().orElseThrow();
    ReceivedSpan first = clients.stream()
        .filter(s -> s.attribute("url.full").contains(firstCallUrlPart)).findFirst().orElseThrow();
    assertThat(first.parentSpanId()).isEqualTo(server.spanId());
    assertThat(nested.parentSpanId()).as("the nested call's parent").isEqualTo(server.spanId());
    Traceparent onTheWire = Traceparent.parse(onlyRequest("/nested").getHeader("traceparent"));
    assertThat(onTheWire.traceId()).isEqualTo(TRACE_ID);
    assertThat(onTheWire.parentId()).isEqualTo(nested.spanId());
  }
}
