package dev.baton.instrumentation.javahttpclient;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;

/** Writes propagation headers, replacing any the application set itself. */
enum HttpRequestBuilderSetter implements TextMapSetter<HttpRequest.Builder> {
  INSTANCE;

  @Override
  public void set(HttpRequest.Builder builder, String key, String value) {
    if (builder != null) {
      builder.setHeader(key, value);
    }
  }
}
