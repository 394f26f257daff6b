package dev.baton.librarytest.httpurlconnection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.onlySpanOf;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import java.io.InputStream;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTPS: {@code HttpsURLConnectionImpl} delegates every call to a subclass of the plain
 * connection that has its own {@code connect}; still one span, context on the wire.
 */
@ExtendWith(AgentExtension.class)
class HttpsUrlConnectionTest {

  @RegisterExtension
  static WireMockExtension downstream = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"))
      .build();

  @BeforeEach
  void stubDownstream() {
    downstream.stubFor(any(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("ok")));
    downstream.stubFor(any(urlPathEqualTo("/error")).willReturn(aResponse().withStatus(500)));
  }

  @Test
  void getInputStream() throws Exception {
    HttpsURLConnection connection = open("GET", "/ok");
    InputStream body = connection.getInputStream();
    assertThat(connection.getCipherSuite()).as("over TLS").isNotEmpty();
    assertThat(read(body)).isEqualTo("ok");

    ReceivedSpan client = onlySpanOf(onlyRequest("/ok").getHeader("traceparent"));
    assertThat(client.name()).isEqualTo("GET");
    assertThat(client.attributes())
        .containsEntry("url.full", uri("/ok").toString())
        .containsEntry("server.port", Integer.toString(downstream.getHttpsPort()))
        .containsEntry("http.response.status_code", "200");
  }

  @Test
  void connectThenGetInputStream() throws Exception {
    HttpsURLConnection connection = open("GET", "/ok");
    connection.connect();
    assertThat(read(connection.getInputStream())).isEqualTo("ok");
    assertThat(connection.getResponseCode()).isEqualTo(200);

    assertThat(onlySpanOf(onlyRequest("/ok").getHeader("traceparent")).attributes())
        .containsEntry("http.response.status_code", "200");
  }

  @Test
  void postBodyThenResponseCode() throws Exception {
    HttpsURLConnection connection = open("POST", "/ok");
    connection.setDoOutput(true);
    UrlConnections.writeBody(connection, "payload");
    assertThat(connection.getResponseCode()).isEqualTo(200);

    LoggedRequest arrived = onlyRequest("/ok");
    assertThat(arrived.getBodyAsString()).isEqualTo("payload");
    assertThat(onlySpanOf(arrived.getHeader("traceparent")).name()).isEqualTo("POST");
  }

  @Test
  void serverError() throws Exception {
    assertThat(open("GET", "/error").getResponseCode()).isEqualTo(500);

    ReceivedSpan client = onlySpanOf(onlyRequest("/error").getHeader("traceparent"));
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.attributes()).containsEntry("http.response.status_code", "500");
  }

  private static URI uri(String path) {
    return URI.create("https://127.0.0.1:" + downstream.getHttpsPort() + path);
  }

  private static HttpsURLConnection open(String method, String path) throws Exception {
    HttpsURLConnection connection =
        (HttpsURLConnection) UrlConnections.open(method, uri(path), Map.of());
    // WireMock's certificate is self-signed and not for 127.0.0.1.
    connection.setSSLSocketFactory(TRUST_ALL.getSocketFactory());
    connection.setHostnameVerifier((host, session) -> true);
    return connection;
  }

  private static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as("requests to %s", path).hasSize(1);
    return requests.get(0);
  }

  private static final SSLContext TRUST_ALL = trustAll();

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
