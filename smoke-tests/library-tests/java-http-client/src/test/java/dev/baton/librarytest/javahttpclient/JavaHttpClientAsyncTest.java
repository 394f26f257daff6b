package dev.baton.librarytest.javahttpclient;

import static dev.baton.librarytest.javahttpclient.JavaHttpClientSyncTest.CLIENT;
import static dev.baton.librarytest.javahttpclient.JavaHttpClientSyncTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import dev.baton.testing.Traceparent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class JavaHttpClientAsyncTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    try {
      return CLIENT.sendAsync(request(method, uri, headers), HttpResponse.BodyHandlers.ofString())
          .join().statusCode();
    } catch (CompletionException e) {
      // what the application would unwrap: the client's own exception
      throw (Exception) e.getCause();
    }
  }

  @Override
  protected String scopeName() {
    return "baton.java-http-client";
  }

  @Test
  void applicationRequestObjectIsLeftAsItWas() throws Exception {
    HttpRequest request = request("GET", uri("/ok"), Map.of("x-app", "1"));
    assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    assertThat(request.headers().map()).containsOnlyKeys("x-app");
    assertThat(onlyRequest("/ok").getHeader("traceparent")).isNotNull();
  }

  /** A stage registered inside a request runs with that request's context on the client's thread. */
  @Test
  void completionStagesRunWithTheCallersContext() throws Exception {
    try (TracedServer server = TracedServer.start(request -> CLIENT
        .sendAsync(request("GET", uri("/ok"), Map.of()), HttpResponse.BodyHandlers.discarding())
        .thenApply(first -> {
          try {
            return CLIENT.send(request("GET", uri("/error"), Map.of()), HttpResponse.BodyHandlers.discarding())
                .statusCode();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .get().toString())) {
      assertThat(server.call("traceparent", TRACEPARENT)).isEqualTo("500");
    }
    Traceparent first = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    Traceparent second = Traceparent.parse(onlyRequest("/error").getHeader("traceparent"));
    assertThat(second.traceId()).isEqualTo(TRACE_ID).isEqualTo(first.traceId());
    ReceivedSpan nested = receiver().await(s -> s.spanId().equals(second.parentId()), 1, WAIT).get(0);
    ReceivedSpan parent = receiver().await(s -> s.spanId().equals(nested.parentSpanId()), 1, WAIT).get(0);
    assertThat(parent.kind()).as("the stage ran in the request's context").isEqualTo("SERVER");
  }

  @Test
  void failedFutureCarriesTheClientsException() throws Exception {
    try {
      CLIENT.sendAsync(request("GET", URI.create("http://127.0.0.1:1/"), Map.of()),
          HttpResponse.BodyHandlers.discarding()).get();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    }
  }
}
