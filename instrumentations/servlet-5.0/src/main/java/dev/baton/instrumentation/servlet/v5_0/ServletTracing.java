package dev.baton.instrumentation.servlet.v5_0;

import dev.baton.instrumentation.api.http.HttpServerTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the servlet advice does; the advice itself only forwards here. */
public final class ServletTracing {

  /** Request attribute that marks a request as traced, so nested calls do not start a span. */
  static final String CONTEXT_ATTRIBUTE = "dev.baton.servlet.context";

  private static final HttpServerTracer<HttpServletRequest, HttpServletResponse> TRACER =
      new HttpServerTracer<>(
          "baton.servlet-5.0", ServletAttributesGetter.INSTANCE, ServletHeaderGetter.INSTANCE);

  private ServletTracing() {}

  /** @return the call in progress, or {@code null} if this is not the outermost call */
  public static Object start(ServletRequest request) {
    if (!(request instanceof HttpServletRequest)
        || request.getAttribute(CONTEXT_ATTRIBUTE) != null) {
      return null;
    }
    HttpServletRequest httpRequest = (HttpServletRequest) request;
    Context context = TRACER.start(Context.current(), httpRequest);
    request.setAttribute(CONTEXT_ATTRIBUTE, context);
    return new ServerCall(context, context.makeCurrent());
  }

  public static void end(
      Object call, ServletRequest request, ServletResponse response, Throwable error) {
    if (!(call instanceof ServerCall)) {
      return;
    }
    ServerCall serverCall = (ServerCall) call;
    serverCall.scope.close();
    HttpServletResponse httpResponse =
        response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
    if (error == null && request.isAsyncStarted()) {
      // The response is not complete yet: end the span when the async processing is.
      request.getAsyncContext().addListener(new SpanEndingAsyncListener(TRACER, serverCall.context));
      return;
    }
    TRACER.end(serverCall.context, httpResponse, error);
  }

  private static final class ServerCall {
    final Context context;
    final Scope scope;

    ServerCall(Context context, Scope scope) {
      this.context = context;
      this.scope = scope;
    }
  }
}
