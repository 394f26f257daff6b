package dev.baton.instrumentation.servlet.v3_0;

import io.opentelemetry.context.propagation.TextMapGetter;
import javax.servlet.http.HttpServletRequest;
import java.util.Collections;

/** Reads propagation headers from a servlet request. */
enum ServletHeaderGetter implements TextMapGetter<HttpServletRequest> {
  INSTANCE;

  @Override
  public Iterable<String> keys(HttpServletRequest request) {
    return Collections.list(request.getHeaderNames());
  }

  @Override
  public String get(HttpServletRequest request, String key) {
    return request == null ? null : request.getHeader(key);
  }
}
