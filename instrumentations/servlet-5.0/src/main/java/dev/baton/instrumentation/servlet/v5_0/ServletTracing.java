package dev.baton.instrumentation.servlet.v5_0;

import dev.baton.instrumentation.api.http.HttpServerCalls;
import dev.baton.instrumentation.api.http.HttpServerTracer;
import dev.baton.instrumentation.api.http.ServerCall;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet advice does, in jakarta types; the rules themselves (one span per request,
 * context for nested and later dispatches) are the shared {@link HttpServerCalls}.
 */
public final class ServletTracing {

  private static final HttpServerCalls<HttpServletRequest, HttpServletResponse> CALLS =
      new HttpServerCalls<>(
          new HttpServerTracer<>(
              "baton.servlet-5.0", ServletAttributesGetter.INSTANCE, ServletHeaderGetter.INSTANCE),
          ServletRequestAccessor.INSTANCE);

  private ServletTracing() {}

  /** @return the dispatch in progress, or {@code null} when this call has nothing to do */
  public static Object enter(ServletRequest request) {
    return request instanceof HttpServletRequest ? CALLS.enter((HttpServletRequest) request) : null;
  }

  public static void exit(
      Object dispatch, ServletRequest request, ServletResponse response, Throwable error) {
    if (dispatch != null) {
      CALLS.exit(dispatch, (HttpServletRequest) request, httpResponse(response), error);
    }
  }

  static void end(ServerCall call, ServletResponse response, Throwable error) {
    CALLS.end(call, httpResponse(response), error);
  }

  public static Runnable wrapAsyncTask(AsyncContext asyncContext, Runnable task) {
    return CALLS.wrapAsyncTask(requestOf(asyncContext), task);
  }

  private static HttpServletRequest requestOf(AsyncContext asyncContext) {
    try {
      ServletRequest request = asyncContext.getRequest();
      return request instanceof HttpServletRequest ? (HttpServletRequest) request : null;
    } catch (IllegalStateException completed) {
      // start() after complete(): the container refuses the task itself in a moment
      return null;
    }
  }

  private static HttpServletResponse httpResponse(ServletResponse response) {
    return response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
  }
}
