package dev.baton.librarytest.apachehttpclient5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.CLASSIC;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.classicRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** {@code CloseableHttpClient.execute(ClassicHttpRequest)}, httpclient5 5.6. */
@SuppressWarnings("deprecation") // execute without a handler: deprecated since 5.2, still common
class Apache5ClassicTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    try (CloseableHttpResponse response = CLASSIC.execute(classicRequest(method, uri, headers))) {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    }
  }

  @Override
  protected String scopeName() {
    return "baton.apache-httpclient-5.0";
  }

  @Test
  void applicationRequestObjectIsLeftAsItWas() throws Exception {
    ClassicHttpRequest request = new HttpGet(uri("/ok"));
    request.addHeader("x-app", "1");
    try (CloseableHttpResponse response = CLASSIC.execute(request)) {
      EntityUtils.consume(response.getEntity());
    }
    assertThat(request.getHeaders()).extracting(Header::getName).containsExactly("x-app");
    assertThat(request.getFirstHeader("traceparent")).isNull();
    assertThat(onlyRequest("/ok").getHeader("traceparent")).isNotNull();
  }

  @Test
  void hostAndRequestOverloadResolvesTheUrl() throws Exception {
    HttpHost target = new HttpHost("http", "127.0.0.1", downstream.getPort());
    try (CloseableHttpResponse response =
        CLASSIC.execute(target, new BasicClassicHttpRequest("GET", "/ok?q=1"))) {
      assertThat(response.getCode()).isEqualTo(200);
      EntityUtils.consume(response.getEntity());
    }
    Traceparent traceparent = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.attributes()).containsEntry("url.full", uri("/ok?q=1").toString());
  }

  /** The server drops the first connection without answering; the client retries the GET. */
  @Test
  void retriesCarryTheTraceOnEveryAttempt() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/flaky")).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
        .willSetStateTo("recovered"));
    downstream.stubFor(get(urlPathEqualTo("/flaky")).inScenario("flaky")
        .whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200)));
    assertThat(send("GET", uri("/flaky"), Map.of())).isEqualTo(200);

    List<LoggedRequest> attempts = downstream.findAll(anyRequestedFor(urlPathEqualTo("/flaky")));
    assertThat(attempts).hasSize(2);
    Traceparent first = Traceparent.parse(attempts.get(0).getHeader("traceparent"));
    Traceparent second = Traceparent.parse(attempts.get(1).getHeader("traceparent"));
    assertThat(second).isEqualTo(first);
    ReceivedSpan client = only(receiver().awaitTrace(first.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.spanId()).isEqualTo(first.parentId());
    assertThat(client.statusCode()).isEqualTo("UNSET");
  }

  @Test
  void readTimeoutReachesTheCallerUnchanged() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    HttpGet request = new HttpGet(uri("/slow"));
    request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(300)).build());
    Throwable thrown = catchThrowable(() -> CLASSIC.execute(request).close());
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    Traceparent traceparent = Traceparent.parse(onlyRequest("/slow").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.firstExceptionEvent()).containsEntry("exception.type", thrown.getClass().getName());
  }
}
