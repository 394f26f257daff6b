package dev.baton.librarytest.apachehttpclient5;

import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/** The clients as an application would build them: default behaviour, bounded timeouts. */
final class Apache5Clients {

  static final RequestConfig TIMEOUTS =
      RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build();

  static final CloseableHttpClient CLASSIC =
      HttpClients.custom().setDefaultRequestConfig(TIMEOUTS).build();

  static final CloseableHttpAsyncClient ASYNC = startedAsync();

  private Apache5Clients() {}

  private static CloseableHttpAsyncClient startedAsync() {
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom().setDefaultRequestConfig(TIMEOUTS).build();
    client.start();
    return client;
  }

  static ClassicHttpRequest classicRequest(String method, URI uri, Map<String, String> headers) {
    ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
    headers.forEach(builder::addHeader);
    return builder.build();
  }

  static SimpleHttpRequest simpleRequest(String method, URI uri, Map<String, String> headers) {
    SimpleRequestBuilder builder = SimpleRequestBuilder.create(method).setUri(uri);
    headers.forEach(builder::addHeader);
    return builder.build();
  }
}
