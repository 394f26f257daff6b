package dev.baton.librarytest.apachehttpclient5;

import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.CLASSIC;
import static dev.baton.librarytest.apachehttpclient5.Apache5Clients.classicRequest;

import dev.baton.testing.AbstractHttpClientTest;
import java.net.URI;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * {@code execute(HttpHost, ClassicHttpRequest, HttpClientResponseHandler)}: it calls the client's
 * internals directly (no other execute) and returns the handler's value, so the span's status
 * comes from what the connection read.
 */
class Apache5ResponseHandlerTest extends AbstractHttpClientTest {

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    HttpHost target = HttpHost.create(uri);
    return CLASSIC.execute(target, classicRequest(method, uri, headers), response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  @Override
  protected String scopeName() {
    return "baton.apache-httpclient-5.0";
  }
}
