package dev.baton.librarytest.javahttpclient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.javahttpclient.JavaHttpClientSyncTest.CLIENT;
import static dev.baton.librarytest.javahttpclient.JavaHttpClientSyncTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with otel.instrumentation.java-http-client.enabled=false: the client is left alone. */
@ExtendWith(AgentExtension.class)
class JavaHttpClientDisabledTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void nothingIsInjectedOrRecorded() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    URI uri = URI.create("http://127.0.0.1:" + downstream.getPort() + "/ok");
    assertThat(CLIENT.send(request("GET", uri, Map.of()), HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(200);
    assertThat(downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok"))).get(0).getHeader("traceparent")).isNull();
    Thread.sleep(300);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
