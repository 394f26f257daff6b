package dev.baton.librarytest.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.okhttp.OkHttpRequests.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs with otel.instrumentation.okhttp.enabled=false: OkHttp is left alone. */
@ExtendWith(AgentExtension.class)
class OkHttpDisabledTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @Test
  void nothingIsInjectedOrRecorded() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200)));
    URI uri = URI.create("http://127.0.0.1:" + downstream.getPort() + "/ok");

    assertThat(OkHttpRequests.execute(CLIENT, OkHttpRequests.get(uri))).isEqualTo(200);
    assertThat(OkHttpRequests.enqueue(CLIENT, OkHttpRequests.get(uri))).isEqualTo(200);

    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo("/ok")));
    assertThat(requests).hasSize(2);
    assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("traceparent")).isNull());
    Thread.sleep(300);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
