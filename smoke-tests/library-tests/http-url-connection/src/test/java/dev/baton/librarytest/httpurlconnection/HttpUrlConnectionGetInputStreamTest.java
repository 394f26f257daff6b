package dev.baton.librarytest.httpurlconnection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.onlySpanOf;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.open;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code getInputStream()} without {@code connect()}, and what holds whatever the order of calls. */
class HttpUrlConnectionGetInputStreamTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    return UrlConnections.getInputStream(open(method, uri, headers));
  }

  @Override
  protected String scopeName() {
    return UrlConnections.SCOPE;
  }

  @Test
  void oneSpanHowEverManyMethodsTheApplicationCalls() throws Exception {
    HttpURLConnection connection = open("GET", uri("/ok"), Map.of());
    connection.connect();
    assertThat(read(connection.getInputStream())).isEqualTo("ok");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    assertThat(connection.getHeaderField(0)).startsWith("HTTP/1.1 200");
    assertThat(connection.getHeaderFields()).isNotEmpty();
    connection.getInputStream().close();
    connection.connect();

    ReceivedSpan client = onlySpanOf(onlyRequest("/ok").getHeader("traceparent"));
    assertThat(client.attributes()).containsEntry("http.response.status_code", "200");
  }

  @Test
  void serverErrorEndsTheSpanOnceWithItsStatus() throws Exception {
    HttpURLConnection connection = open("GET", uri("/error"), Map.of());
    Throwable thrown = catchThrowable(connection::getInputStream);
    assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("500");
    assertThat(connection.getResponseCode()).isEqualTo(500);
    connection.getErrorStream();
    assertThat(catchThrowable(connection::getInputStream)).isInstanceOf(IOException.class);

    ReceivedSpan client = onlySpanOf(onlyRequest("/error").getHeader("traceparent"));
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.attributes())
        .containsEntry("http.response.status_code", "500")
        .containsEntry("error.type", "500");
    assertThat(client.eventNames())
        .as("the status says it all, as for clients that do not throw")
        .doesNotContain("exception");
  }

  @Test
  void notFoundThrowsTheJdksExceptionAndRecordsTheStatus() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("no")));
    HttpURLConnection connection = open("GET", uri("/missing"), Map.of());
    assertThat(catchThrowable(connection::getInputStream)).isInstanceOf(FileNotFoundException.class);
    assertThat(read(connection.getErrorStream())).isEqualTo("no");

    ReceivedSpan client = onlySpanOf(onlyRequest("/missing").getHeader("traceparent"));
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.attributes()).containsEntry("http.response.status_code", "404");
  }

  @Test
  void readTimeoutEndsTheSpanAndTheCallerGetsTheJdksException() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/slow"))
        .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    HttpURLConnection connection = open("GET", uri("/slow"), Map.of());
    connection.setReadTimeout(300);
    Throwable thrown = catchThrowable(connection::getInputStream);
    assertThat(thrown).isInstanceOf(SocketTimeoutException.class);
    assertThat(thrown.getStackTrace()[0].getClassName())
        .as("thrown by the JDK, not wrapped or rethrown by the agent")
        .doesNotStartWith("dev.baton");

    ReceivedSpan client = onlySpanOf(onlyRequest("/slow").getHeader("traceparent"));
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.attributes()).doesNotContainKey("http.response.status_code");
    assertThat(client.firstExceptionEvent())
        .containsEntry("exception.type", SocketTimeoutException.class.getName())
        .containsEntry("exception.message", thrown.getMessage());
  }

  @Test
  void headersAreAddedOnlyWhenTheRequestStarts() throws Exception {
    HttpURLConnection connection = open("GET", uri("/ok"), Map.of("x-app", "1"));
    assertThat(connection.getRequestProperties()).containsOnlyKeys("x-app");
    assertThat(connection.getRequestProperty("traceparent")).isNull();
    assertThat(UrlConnections.getInputStream(connection)).isEqualTo(200);
    assertThat(onlyRequest("/ok").getHeader("traceparent")).isNotNull();
  }

  /**
   * A connection opened while another one is in a call (here by an {@code Authenticator} that
   * the JDK asks for credentials inside {@code getInputStream}) is a nested client call: no span
   * of its own, but the outer CLIENT span travels on it.
   */
  @Test
  void connectionOpenedInsideAnotherCarriesItsSpan() throws Exception {
    downstream.stubFor(any(urlPathEqualTo("/protected"))
        .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"test\"")));
    downstream.stubFor(any(urlPathEqualTo("/protected"))
        .withBasicAuth("user", "secret")
        .willReturn(aResponse().withStatus(200).withBody("in")));
    HttpURLConnection connection = open("GET", uri("/protected"), Map.of());
    connection.setAuthenticator(new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        try {
          read(open("GET", uri("/ok"), Map.of()).getInputStream()); // say, fetching a token
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return new PasswordAuthentication("user", "secret".toCharArray());
      }
    });
    assertThat(read(connection.getInputStream())).isEqualTo("in");

    List<LoggedRequest> attempts = downstream.findAll(anyRequestedFor(urlPathEqualTo("/protected")));
    assertThat(attempts).hasSize(2);
    String header = attempts.get(0).getHeader("traceparent");
    assertThat(attempts.get(1).getHeader("traceparent")).as("the retry with credentials").isEqualTo(header);
    ReceivedSpan client = onlySpanOf(header);
    Traceparent inner = Traceparent.parse(onlyRequest("/ok").getHeader("traceparent"));
    assertThat(inner.traceId()).isEqualTo(client.traceId());
    assertThat(inner.parentId()).as("the outer CLIENT span").isEqualTo(client.spanId());
    assertThat(client.attributes()).containsEntry("http.response.status_code", "200");
  }
}
