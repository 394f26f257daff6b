package dev.baton.librarytest.apachehttpclient4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.apachehttpclient4.Apache4Clients.ASYNC;
import static dev.baton.librarytest.apachehttpclient4.Apache4Clients.CLASSIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with otel.instrumentation.apache-httpclient.enabled=false: both clients are left alone. */
@ExtendWith(AgentExtension.class)
class ApacheHttpClientDisabledTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void nothingIsInjectedOrRecorded() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    String url = "http://127.0.0.1:" + downstream.getPort() + "/ok";
    try (CloseableHttpResponse response = CLASSIC.execute(new HttpGet(url))) {
      assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
    }
    assertThat(ASYNC.execute(new HttpGet(url), null).get(30, TimeUnit.SECONDS)
        .getStatusLine().getStatusCode()).isEqualTo(200);
    assertThat(downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok"))))
        .hasSize(2)
        .allSatisfy(request -> assertThat(request.getHeader("traceparent")).isNull());
    Thread.sleep(300);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
