package dev.baton.librarytest.httpurlconnection;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.onlySpanOf;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.open;
import static dev.baton.librarytest.httpurlconnection.UrlConnections.writeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AbstractHttpClientTest;
import dev.baton.testing.ReceivedSpan;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request body through {@code getOutputStream()}, then {@code getResponseCode()}. A GET has no
 * body (opening one would turn it into a POST), so GETs go straight to the response.
 */
class HttpUrlConnectionPostTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpURLConnection connection = open(method, uri, headers);
    if (!method.equals("GET")) {
      connection.setDoOutput(true);
      writeBody(connection, "payload");
    }
    return connection.getResponseCode();
  }

  @Override
  protected String scopeName() {
    return UrlConnections.SCOPE;
  }

  @Test
  void bodyArrivesAsWritten() throws Exception {
    assertThat(send("PUT", uri("/ok"), Map.of("Content-Type", "text/plain"))).isEqualTo(200);
    LoggedRequest arrived = onlyRequest("/ok");
    assertThat(arrived.getBodyAsString()).isEqualTo("payload");
    assertThat(arrived.getHeader("Content-Type")).isEqualTo("text/plain");
    assertThat(onlySpanOf(arrived.getHeader("traceparent")).name()).isEqualTo("PUT");
  }

  @Test
  void openingTheBodyOfAGetSendsAPostAndTheSpanSaysSo() throws Exception {
    assertImplicitPostIsNamedPost(false);
  }

  /** The span starts as a GET with {@code connect()}; opening the body makes it a POST. */
  @Test
  void aSpanStartedByConnectIsRenamedWhenTheBodyTurnsItIntoAPost() throws Exception {
    assertImplicitPostIsNamedPost(true);
  }

  private void assertImplicitPostIsNamedPost(boolean connectFirst) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) uri("/ok").toURL().openConnection();
    connection.setDoOutput(true);
    if (connectFirst) {
      connection.connect();
    }
    writeBody(connection, "form=1");
    assertThat(connection.getResponseCode()).isEqualTo(200);

    LoggedRequest arrived = downstream.findAll(postRequestedFor(urlPathEqualTo("/ok"))).get(0);
    ReceivedSpan client = onlySpanOf(arrived.getHeader("traceparent"));
    assertThat(client.name()).isEqualTo("POST");
    assertThat(client.attributes()).containsEntry("http.request.method", "POST");
  }

  /** In streaming mode the headers go out when the body is opened, not when it is complete. */
  @Test
  void streamedBodiesCarryTheTraceToo() throws Exception {
    HttpURLConnection fixed = open("POST", uri("/ok"), Map.of());
    fixed.setDoOutput(true);
    fixed.setFixedLengthStreamingMode(7);
    writeBody(fixed, "payload");
    assertThat(fixed.getResponseCode()).isEqualTo(200);
    HttpURLConnection chunked = open("POST", uri("/ok"), Map.of());
    chunked.setDoOutput(true);
    chunked.setChunkedStreamingMode(4);
    writeBody(chunked, "payload");
    assertThat(chunked.getResponseCode()).isEqualTo(200);

    for (LoggedRequest arrived : downstream.findAll(postRequestedFor(urlPathEqualTo("/ok")))) {
      assertThat(arrived.getBodyAsString()).isEqualTo("payload");
      assertThat(onlySpanOf(arrived.getHeader("traceparent")).attributes())
          .containsEntry("http.response.status_code", "200");
    }
    assertThat(downstream.findAll(postRequestedFor(urlPathEqualTo("/ok")))).hasSize(2);
  }

  @Test
  void refusedConnectionFailsOpeningTheBodyAndEndsTheSpan() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    HttpURLConnection connection =
        open("POST", URI.create("http://127.0.0.1:" + deadPort + "/nothing"), Map.of());
    connection.setDoOutput(true);
    Throwable thrown = catchThrowable(connection::getOutputStream);
    assertThat(thrown).isInstanceOf(ConnectException.class);

    ReceivedSpan client = receiver().await(
        s -> String.valueOf(s.attribute("url.full")).contains(":" + deadPort + "/"), 1, WAIT).get(0);
    assertThat(client.name()).isEqualTo("POST");
    assertThat(client.statusCode()).isEqualTo("ERROR");
    assertThat(client.firstExceptionEvent())
        .containsEntry("exception.type", ConnectException.class.getName())
        .containsEntry("exception.message", thrown.getMessage());
  }
}
