package dev.baton.librarytest.httpurlconnection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How the tests use HttpURLConnection: the way an application does, nothing more. */
final class UrlConnections {

  static final String SCOPE = "baton.http-url-connection";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private UrlConnections() {}

  static HttpURLConnection open(String method, URI uri, Map<String, String> headers)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(10_000);
    headers.forEach(connection::setRequestProperty);
    return connection;
  }

  static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void writeBody(HttpURLConnection connection, String body) throws IOException {
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * What an application does when {@code getInputStream} throws: a status means the server
   * answered with an error (its body is on the error stream); no status means the request
   * failed, and the application's own exception is rethrown.
   */
  static int statusAfter(HttpURLConnection connection, IOException failure) throws IOException {
    int status;
    try {
      status = connection.getResponseCode();
    } catch (IOException noResponse) {
      throw failure;
    }
    if (status < 0) {
      throw failure;
    }
    InputStream error = connection.getErrorStream();
    if (error != null) {
      read(error);
    }
    return status;
  }

  /**
   * The one span of the trace a request carried: a CLIENT span of this instrumentation, the one
   * whose id the request carried. Fails if a second span of the trace turns up.
   */
  static ReceivedSpan onlySpanOf(String traceparentHeader) throws InterruptedException {
    Traceparent traceparent = Traceparent.parse(traceparentHeader);
    AgentExtension.receiver().awaitTrace(traceparent.traceId(), 1, WAIT);
    Thread.sleep(300); // a second span would have been exported by now (20 ms batches)
    List<ReceivedSpan> spans = AgentExtension.receiver().spans().stream()
        .filter(s -> s.traceId().equals(traceparent.traceId()))
        .toList();
    assertThat(spans).as("spans of trace %s", traceparent.traceId()).hasSize(1);
    ReceivedSpan client = spans.get(0);
    assertThat(client.kind()).isEqualTo("CLIENT");
    assertThat(client.spanId()).isEqualTo(traceparent.parentId());
    assertThat(client.scopeName()).isEqualTo(SCOPE);
    return client;
  }

  /** {@code getInputStream} without an explicit {@code connect}: the most common use. */
  static int getInputStream(HttpURLConnection connection) throws IOException {
    try {
      read(connection.getInputStream());
    } catch (IOException e) {
      return statusAfter(connection, e);
    }
    return connection.getResponseCode();
  }
}
