package dev.baton.librarytest.executors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.executors.ContextAcrossThreadsTest.CLIENT;
import static dev.baton.librarytest.executors.ContextAcrossThreadsTest.POOL;
import static dev.baton.librarytest.executors.ContextAcrossThreadsTest.TRACEPARENT;
import static dev.baton.librarytest.executors.ContextAcrossThreadsTest.TRACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.TracedServer;
import dev.baton.testing.Traceparent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with otel.instrumentation.executors.enabled=false: hand-offs carry no context. */
@ExtendWith(AgentExtension.class)
class ExecutorsDisabledTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void handOffsCarryNothing() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/disabled")).willReturn(aResponse().withStatus(200)));
    URI uri = URI.create("http://127.0.0.1:" + downstream.getPort() + "/disabled");
    try (TracedServer server = TracedServer.start(request -> {
      POOL.submit(() -> CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()))
          .get();
      return "done";
    })) {
      server.call("traceparent", TRACEPARENT);
    }
    String traceparent = downstream.findAll(anyRequestedFor(urlPathEqualTo("/disabled"))).get(0).getHeader("traceparent");
    assertThat(Traceparent.parse(traceparent).traceId()).isNotEqualTo(TRACE_ID);
  }
}
