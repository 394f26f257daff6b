package dev.baton.librarytest.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.okhttp.OkHttpRequests.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP client suite plus what is particular to OkHttp, for one API style (execute or
 * enqueue): one CLIENT span per call, with every request of the call carrying it on the wire, and
 * nothing the application can see changed.
 */
abstract class AbstractOkHttpTest extends AbstractHttpClientTest {

  /** Sends the request in this test's API style; returns the status or throws the client's own exception. */
  protected abstract int send(OkHttpClient client, Request request) throws Exception;

  @Override
  protected final int send(String method, URI uri, Map<String, String> headers) throws Exception {
    return send(CLIENT, OkHttpRequests.request(method, uri, headers));
  }

  @Override
  protected String scopeName() {
    return "baton.okhttp-3.0";
  }

  @Test
  void redirectIsOneSpanThatEveryHopCarries() throws Exception {
    assertThat(send(CLIENT, OkHttpRequests.get(uri("/redirect")))).isEqualTo(200);
    Traceparent first = Traceparent.parse(onlyRequest("/redirect").getHeader("traceparent"));
    Traceparent second = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    ReceivedSpan client = only(receiver().awaitTrace(first.traceId(), 1, WAIT), "CLIENT");
    assertThat(second.traceId()).isEqualTo(first.traceId());
    assertThat(first.parentId()).isEqualTo(client.spanId());
    assertThat(second.parentId()).as("the follow-up's parent").isEqualTo(client.spanId());
    assertThat(client.attributes())
        .containsEntry("url.full", uri("/redirect").toString())
        .containsEntry("http.response.status_code", "200");
  }

  @Test
  void authenticationFollowUpCarriesTheSpan() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/auth")).withHeader("Authorization", absent())
        .willReturn(aResponse().withStatus(401)));
    downstream.stubFor(get(urlPathEqualTo("/auth")).withHeader("Authorization", equalTo("Basic dTpw"))
        .willReturn(aResponse().withStatus(200)));
    OkHttpClient client = CLIENT.newBuilder()
        .authenticator((route, response) -> response.request().header("Authorization") != null
            ? null
            : response.request().newBuilder().header("Authorization", "Basic dTpw").build())
        .build();

    assertThat(send(client, OkHttpRequests.get(uri("/auth")))).isEqualTo(200);

    List<LoggedRequest> attempts = downstream.findAll(anyRequestedFor(urlPathEqualTo("/auth")));
    assertThat(attempts).hasSize(2);
    Traceparent first = Traceparent.parse(attempts.get(0).getHeader("traceparent"));
    Traceparent second = Traceparent.parse(attempts.get(1).getHeader("traceparent"));
    ReceivedSpan span = only(receiver().awaitTrace(first.traceId(), 1, WAIT), "CLIENT");
    assertThat(List.of(first.parentId(), second.parentId())).containsOnly(span.spanId());
    assertThat(span.statusCode()).isEqualTo("UNSET");
  }

  /** The HTTP/2 codec, over cleartext with prior knowledge (OkHttp 3.11 and later). */
  @Test
  void http2RequestCarriesTheSpan() throws Exception {
    Protocol h2c;
    try {
      h2c = Protocol.get("h2_prior_knowledge");
    } catch (IOException e) {
      assumeTrue(false, "this OkHttp has no HTTP/2 with prior knowledge");
      return;
    }
    OkHttpClient client = CLIENT.newBuilder().protocols(List.of(h2c)).build();

    assertThat(send(client, OkHttpRequests.get(uri("/ok")))).isEqualTo(200);

    LoggedRequest arrived = onlyRequest("/ok");
    assertThat(arrived.getProtocol()).isEqualTo("HTTP/2.0");
    Traceparent traceparent = Traceparent.parse(arrived.getHeader("traceparent"));
    ReceivedSpan span = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(span.spanId()).isEqualTo(traceparent.parentId());
  }

  @Test
  void applicationSeesNoPropagationHeaders() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor application = chain -> {
      seen.add("application:" + chain.request().header("traceparent"));
      return chain.proceed(chain.request());
    };
    Interceptor network = chain -> {
      seen.add("network:" + chain.request().header("traceparent"));
      okhttp3.Response response = chain.proceed(chain.request());
      seen.add("response:" + response.request().header("traceparent"));
      return response;
    };
    OkHttpClient client =
        CLIENT.newBuilder().addInterceptor(application).addNetworkInterceptor(network).build();

    assertThat(send(client, OkHttpRequests.get(uri("/ok")))).isEqualTo(200);

    assertThat(onlyRequest("/ok").getHeader("traceparent")).as("on the wire").isNotNull();
    assertThat(seen).containsExactly("application:null", "network:null", "response:null");
    assertThat(client.interceptors()).containsExactly(application);
    assertThat(client.networkInterceptors()).containsExactly(network);
  }

  @Test
  void readTimeoutMarksTheSpanAndReachesTheCaller() throws Exception {
    downstream.stubFor(get(urlPathEqualTo("/slow"))
        .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    OkHttpClient client = CLIENT.newBuilder().readTimeout(300, TimeUnit.MILLISECONDS).build();

    Throwable thrown = catchThrowable(() -> send(client, OkHttpRequests.get(uri("/slow"))));

    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    // early OkHttp 3 releases (3.0.0 among them) retry a GET that timed out: every attempt
    // carries the one span
    List<LoggedRequest> attempts = downstream.findAll(anyRequestedFor(urlPathEqualTo("/slow")));
    assertThat(attempts).isNotEmpty();
    Traceparent traceparent = Traceparent.parse(attempts.get(0).getHeader("traceparent"));
    ReceivedSpan span = only(receiver().awaitTrace(traceparent.traceId(), 1, WAIT), "CLIENT");
    assertThat(attempts).allSatisfy(attempt ->
        assertThat(Traceparent.parse(attempt.getHeader("traceparent")).parentId()).isEqualTo(span.spanId()));
    assertThat(span.statusCode()).isEqualTo("ERROR");
    assertThat(span.firstExceptionEvent())
        .containsEntry("exception.type", SocketTimeoutException.class.getName());
  }

  @Test
  void refusedConnectionReachesTheCallerAsOkHttpsOwnException() throws Exception {
    URI dead = deadUri();
    Throwable thrown = catchThrowable(() -> send(CLIENT, OkHttpRequests.get(dead)));
    assertThat(thrown).isInstanceOf(ConnectException.class);
  }

  /** A URI on 127.0.0.1 where nothing listens. */
  protected static URI deadUri() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }
  }
}
