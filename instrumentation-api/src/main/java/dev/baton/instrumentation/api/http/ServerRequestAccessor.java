package dev.baton.instrumentation.api.http;

/**
 * What {@link HttpServerCalls} needs from a container's request beyond its HTTP attributes: a
 * request attribute to keep the call in, and the request's async state. One small implementation
 * per servlet API package (javax, jakarta).
 */
public interface ServerRequestAccessor<REQ> {

  Object getAttribute(REQ request, String name);

  void setAttribute(REQ request, String name, Object value);

  /** Whether the application put the request into async mode, so it outlives this dispatch. */
  boolean isAsyncStarted(REQ request);

  /**
   * Arranges for {@link HttpServerCalls#end} to run when the container completes the async
   * request (an {@code AsyncListener}); called while the dispatch that started async is still
   * running, as the servlet specification requires for adding listeners.
   *
   * @return false if the container refused the listener (the request completed meanwhile): the
   *     span then ends at once
   */
  boolean endWhenAsyncCompletes(REQ request, ServerCall call);
}
