package dev.baton.instrumentation.api.http;

import static dev.baton.instrumentation.api.http.SemanticAttributes.ERROR_TYPE;
import static dev.baton.instrumentation.api.http.SemanticAttributes.HTTP_RESPONSE_STATUS_CODE;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** How an HTTP span ends, for clients and servers alike: status code, error status, exception. */
final class HttpSpanEnd {

  private HttpSpanEnd() {}

  /**
   * @param status the response status, or 0 if there was none
   * @param errorFromStatus the lowest status that counts as an error (400 for clients, 500 for
   *     servers)
   */
  static void end(Span span, int status, Throwable error, int errorFromStatus) {
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (error != null) {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR);
    } else if (status >= errorFromStatus) {
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }
}
