package dev.baton.librarytest.apachehttpclient4;

import java.net.URI;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;

/** The clients as an application would build them: default behaviour, bounded timeouts. */
final class Apache4Clients {

  static final RequestConfig TIMEOUTS =
      RequestConfig.custom().setConnectTimeout(5_000).setSocketTimeout(10_000).build();

  static final CloseableHttpClient CLASSIC =
      HttpClients.custom().setDefaultRequestConfig(TIMEOUTS).build();

  static final CloseableHttpAsyncClient ASYNC = startedAsync();

  private Apache4Clients() {}

  private static CloseableHttpAsyncClient startedAsync() {
    CloseableHttpAsyncClient client =
        HttpAsyncClients.custom().setDefaultRequestConfig(TIMEOUTS).build();
    client.start();
    return client;
  }

  static HttpUriRequest request(String method, URI uri, Map<String, String> headers) {
    RequestBuilder builder = RequestBuilder.create(method).setUri(uri);
    headers.forEach(builder::addHeader);
    return builder.build();
  }
}
