package dev.baton.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.hc.core5.http.HttpRequest;

/** Writes propagation headers onto the request the connection sends, replacing earlier values. */
enum HttpRequestSetter implements TextMapSetter<HttpRequest> {
  INSTANCE;

  @Override
  public void set(HttpRequest request, String key, String value) {
    if (request != null) {
      request.setHeader(key, value);
    }
  }
}
