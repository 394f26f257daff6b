package dev.baton.instrumentation.javahttpclient;

import dev.baton.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

enum JavaHttpClientAttributesGetter implements HttpClientAttributesGetter<HttpRequest, HttpResponse<?>> {
  INSTANCE;

  @Override
  public String method(HttpRequest request) {
    return request.method();
  }

  @Override
  public URI uri(HttpRequest request) {
    return request.uri();
  }

  @Override
  public int statusCode(HttpResponse<?> response) {
    return response.statusCode();
  }
}
