package dev.baton.librarytest.apachehttpclient5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.ASYNC;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.CLASSIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.baton.testing.AgentExtension;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
    int classicStatus = CLASSIC.execute(new HttpGet(url), response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
    assertThat(classicStatus).isEqualTo(200);
    assertThat(ASYNC.execute(SimpleRequestBuilder.get(url).build(), null).get(30, TimeUnit.SECONDS)
        .getCode()).isEqualTo(200);
    assertThat(downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok"))))
        .hasSize(2)
        .allSatisfy(request -> assertThat(request.getHeader("traceparent")).isNull());
    Thread.sleep(300);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
