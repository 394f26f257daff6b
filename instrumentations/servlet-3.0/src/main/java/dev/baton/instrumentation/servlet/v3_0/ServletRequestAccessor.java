package dev.baton.instrumentation.servlet.v3_0;

import dev.baton.instrumentation.api.http.ServerCall;
import dev.baton.instrumentation.api.http.ServerRequestAccessor;
import javax.servlet.http.HttpServletRequest;

/** The request attribute and async state of a jakarta servlet request. */
enum ServletRequestAccessor implements ServerRequestAccessor<HttpServletRequest> {
  INSTANCE;

  @Override
  public Object getAttribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public boolean endWhenAsyncCompletes(HttpServletRequest request, ServerCall call) {
    try {
      request.getAsyncContext().addListener(new SpanEndingAsyncListener(call));
      return true;
    } catch (IllegalStateException completedMeanwhile) {
      return false;
    }
  }
}
