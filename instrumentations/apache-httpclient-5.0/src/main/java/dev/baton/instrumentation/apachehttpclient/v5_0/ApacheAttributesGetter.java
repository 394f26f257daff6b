package dev.baton.instrumentation.apachehttpclient.v5_0;

import dev.baton.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.URI;
import org.apache.hc.core5.http.HttpResponse;

enum ApacheAttributesGetter implements HttpClientAttributesGetter<ApacheRequest, HttpResponse> {
  INSTANCE;

  @Override
  public String method(ApacheRequest request) {
    return request.method();
  }

  @Override
  public URI uri(ApacheRequest request) {
    return request.uri();
  }

  @Override
  public int statusCode(HttpResponse response) {
    return response.getCode();
  }
}
