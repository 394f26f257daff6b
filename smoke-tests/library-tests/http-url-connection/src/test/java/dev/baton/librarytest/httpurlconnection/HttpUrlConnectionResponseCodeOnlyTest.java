package dev.baton.librarytest.httpurlconnection;

import static dev.baton.librarytest.httpurlconnection.UrlConnections.open;

import dev.baton.testing.AbstractHttpClientTest;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * Only {@code getResponseCode()}, which reaches the JDK's {@code getInputStream} and swallows
 * its exception for 4xx and 5xx, then {@code disconnect()}: the body is never read.
 */
class HttpUrlConnectionResponseCodeOnlyTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpURLConnection connection = open(method, uri, headers);
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  @Override
  protected String scopeName() {
    return UrlConnections.SCOPE;
  }
}
