package dev.baton.instrumentation.okhttp.v3_0;

import io.opentelemetry.context.propagation.TextMapSetter;
import okhttp3.Request;

/**
 * Collects propagation headers for a request that OkHttp is about to write. {@code Request} is
 * immutable: the first header starts a copy, and a request that gets no header is not copied.
 */
final class RequestCopy {

  /** Replaces a header of the same name the application may have set itself. */
  static final TextMapSetter<RequestCopy> SETTER =
      (copy, key, value) -> {
        if (copy != null) {
          copy.header(key, value);
        }
      };

  private final Request original;
  private Request.Builder builder;

  RequestCopy(Request original) {
    this.original = original;
  }

  private void header(String name, String value) {
    if (builder == null) {
      builder = original.newBuilder();
    }
    builder.header(name, value);
  }

  /** The copy with the headers, or {@code null} if none was set. */
  Request build() {
    return builder == null ? null : builder.build();
  }
}
