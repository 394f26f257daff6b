package dev.baton.instrumentation.okhttp.v3_0;

import dev.baton.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.URI;
import okhttp3.Request;
import okhttp3.Response;

enum OkHttpAttributesGetter implements HttpClientAttributesGetter<Request, Response> {
  INSTANCE;

  @Override
  public String method(Request request) {
    return request.method();
  }

  @Override
  public URI uri(Request request) {
    try {
      return request.url().uri();
    } catch (RuntimeException e) {
      // HttpUrl accepts a few characters java.net.URI refuses; the span goes without a URL
      return null;
    }
  }

  @Override
  public int statusCode(Response response) {
    return response.code();
  }
}
