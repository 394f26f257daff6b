package dev.baton.librarytest.javahttpclient;

import dev.baton.testing.AbstractHttpClientTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

class JavaHttpClientSyncTest extends AbstractHttpClientTest {

  static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  static HttpRequest request(String method, URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    return builder.build();
  }

  @Override
  protected int send(String method, URI uri, Map<String, String> headers) throws Exception {
    return CLIENT.send(request(method, uri, headers), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Override
  protected String scopeName() {
    return "baton.java-http-client";
  }
}
