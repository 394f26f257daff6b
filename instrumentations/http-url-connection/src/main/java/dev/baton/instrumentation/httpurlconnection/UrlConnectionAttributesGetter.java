package dev.baton.instrumentation.httpurlconnection;

import dev.baton.instrumentation.api.http.HttpClientAttributesGetter;
import java.net.URI;

/** The response is the status code the JDK recorded; {@code null} when there was none. */
enum UrlConnectionAttributesGetter implements HttpClientAttributesGetter<UrlConnectionRequest, Integer> {
  INSTANCE;

  @Override
  public String method(UrlConnectionRequest request) {
    return request.method;
  }

  @Override
  public URI uri(UrlConnectionRequest request) {
    return request.uri;
  }

  @Override
  public int statusCode(Integer status) {
    return status == null ? 0 : status;
  }
}
