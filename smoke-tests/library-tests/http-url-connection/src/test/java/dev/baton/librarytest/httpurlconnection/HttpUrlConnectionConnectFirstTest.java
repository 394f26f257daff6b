package dev.baton.librarytest.httpurlconnection;

import static dev.baton.librarytest.httpurlconnection.UrlConnections.open;

import dev.baton.testing.AbstractHttpClientTest;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * An explicit {@code connect()} (where a refused connection shows up), then
 * {@code getInputStream()}: the span starts with the first and ends with the second.
 */
class HttpUrlConnectionConnectFirstTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpURLConnection connection = open(method, uri, headers);
    connection.connect();
    return UrlConnections.getInputStream(connection);
  }

  @Override
  protected String scopeName() {
    return UrlConnections.SCOPE;
  }
}
