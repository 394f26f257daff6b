package dev.baton.librarytest.apachehttpclient5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.ASYNC;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.simpleRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import dev.baton.testing.Traceparent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** {@code CloseableHttpAsyncClient.execute(SimpleHttpRequest, FutureCallback)}, httpclient5 5.6. */
class Apache5AsyncTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    try {
      return ASYNC.execute(simpleRequest(method, uri, headers), null).get(30, TimeUnit.SECONDS).getCode();
    } catch (ExecutionException e) {
      // what the application would unwrap: the client's own exception
      throw (Exception) e.getCause();
    }
  }

  @Override
  protected String scopeName() {
    return "baton.apache-httpclient-5.0";
  }

  @Test
  void applicationRequestObjectIsLeftAsItWas() throws Exception {
    SimpleHttpRequest request = simpleRequest("GET", uri("/ok"), Map.of("x-app", "1"));
    assertThat(ASYNC.execute(request, null).get(30, TimeUnit.SECONDS).getCode()).isEqualTo(200);
    assertThat(request.getHeaders()).extracting(Header::getName).containsExactly("x-app");
    assertThat(request.getFirstHeader("traceparent")).isNull();
    assertThat(onlyRequest("/ok").getHeader("traceparent")).isNotNull();
  }

  /**
   * The callback runs in the context {@code execute} was called in: a request it sends is a
   * sibling of the first CLIENT span, in the same trace.
   */
  @Test
  void callbackRunsInTheCallersContext() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/second")).willReturn(aResponse().withStatus(200)));
    try (TracedServer server = TracedServer.start(request -> {
      CompletableFuture<Future<SimpleHttpResponse>> second = new CompletableFuture<>();
      ASYNC.execute(simpleRequest("GET", uri("/ok"), Map.of()), new FutureCallback<SimpleHttpResponse>() {
        @Override
        public void completed(SimpleHttpResponse result) {
          // only submitted here: blocking an I/O thread on its own client would deadlock
          second.complete(ASYNC.execute(simpleRequest("GET", uri("/second"), Map.of()), null));
        }

        @Override
        public void failed(Exception error) {
          second.completeExceptionally(error);
        }

        @Override
        public void cancelled() {
          second.cancel(false);
        }
      }).get(30, TimeUnit.SECONDS);
      return Integer.toString(second.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS).getCode());
    })) {
      assertThat(server.call("traceparent", TRACEPARENT)).isEqualTo("200");
    }
    assertThat(Traceparent.parse(onlyRequest("/second").getHeader("traceparent")).traceId())
        .isEqualTo(TRACE_ID);
    List<ReceivedSpan> spans = receiver().awaitTrace(TRACE_ID, 3, WAIT);
    ReceivedSpan server = only(spans, "SERVER");
    assertThat(spans).filteredOn(s -> s.kind().equals("CLIENT")).hasSize(2)
        .allSatisfy(client -> assertThat(client.parentSpanId()).isEqualTo(server.spanId()));
  }

  @Test
  void responseTimeoutFailsTheFutureWithTheClientsException() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    SimpleHttpRequest request = simpleRequest("GET", uri("/slow"), Map.of());
    request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(300)).build());
    ExecutionException thrown = catchThrowableOfType(
        () -> ASYNC.execute(request, null).get(30, TimeUnit.SECONDS), ExecutionException.class);
    assertThat(thrown).isNotNull();
    Traceparent traceparent = Traceparent.parse(onlyRequest("/slow").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.firstExceptionEvent())
        .containsEntry("exception.type", thrown.getCause().getClass().getName());
  }
}
