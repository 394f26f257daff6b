package dev.baton.librarytest.httpurlconnection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with otel.instrumentation.http-url-connection.enabled=false: the JDK is left alone. */
@ExtendWith(AgentExtension.class)
class HttpUrlConnectionDisabledTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void nothingIsInjectedOrRecorded() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    URI uri = URI.create("http://127.0.0.1:" + downstream.getPort() + "/ok");
    HttpURLConnection connection = UrlConnections.open("GET", uri, Map.of());
    assertThat(UrlConnections.getInputStream(connection)).isEqualTo(200);
    assertThat(downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok"))).get(0).getHeader("traceparent")).isNull();
    Thread.sleep(300);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
