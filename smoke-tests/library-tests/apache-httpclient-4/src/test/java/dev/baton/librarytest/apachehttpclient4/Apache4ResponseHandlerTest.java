package dev.baton.librarytest.apachehttpclient4;

import static dev.baton.librarytest.apachehttpclient4.Apache4Clients.CLASSIC;
import static dev.baton.librarytest.apachehttpclient4.Apache4Clients.request;

import dev.baton.testing.AbstractHttpClientTest;
import java.net.URI;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.client.utils.URIUtils;
import org.apache.http.util.EntityUtils;

/**
 * {@code execute(HttpHost, HttpRequest, ResponseHandler)}: the call returns the handler's value,
 * not a response, so the span's status comes from what the connection read.
 */
class Apache4ResponseHandlerTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpHost target = URIUtils.extractHost(uri);
    return CLASSIC.execute(target, request(method, uri, headers), response -> {
      EntityUtils.consume(response.getEntity());
      return response.getStatusLine().getStatusCode();
    });
  }

  @Override
  protected String scopeName() {
    return "baton.apache-httpclient-4.0";
  }
}
