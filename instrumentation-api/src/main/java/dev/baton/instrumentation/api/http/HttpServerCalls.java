package dev.baton.instrumentation.api.http;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * When a servlet-style container's request gets its SERVER span, and when the span's context is
 * current, whatever the API package (javax or jakarta). Advice on every {@code Servlet.service}
 * and {@code Filter.doFilter} calls {@link #enter} and {@link #exit}:
 *
 * <ul>
 *   <li>the outermost call of a request starts the SERVER span and keeps the {@link ServerCall}
 *       in a request attribute;
 *   <li>nested filters, servlets, forwards and includes run on the same thread with the request's
 *       context already current: they do nothing, so a request has one SERVER span;
 *   <li>a later dispatch of the same request ({@code AsyncContext.dispatch()}, an error page the
 *       container dispatches after the first call returned) finds the call in the request but
 *       not current on its thread: its context becomes current for the dispatch, no span starts;
 *   <li>when the outermost call returns, a route a framework matched inside the servlet (Spring
 *       MVC) renames the span;
 *   <li>the span ends when the outermost call returns, or, for an async request, when the
 *       container completes the response.
 * </ul>
 */
public final class HttpServerCalls<REQ, RESP> {

  /** The request attribute that holds the {@link ServerCall}. */
  public static final String CALL_ATTRIBUTE = "dev.baton.http.server-call";

  private final HttpServerTracer<REQ, RESP> tracer;
  private final ServerRequestAccessor<REQ> requests;

  public HttpServerCalls(HttpServerTracer<REQ, RESP> tracer, ServerRequestAccessor<REQ> requests) {
    this.tracer = tracer;
    this.requests = requests;
  }

  /**
   * @return what to hand to {@link #exit}: the new call for the first dispatch, a later dispatch,
   *     or {@code null} when there is nothing to do
   */
  public Object enter(REQ request) {
    Context current = Context.current();
    Object stored = requests.getAttribute(request, CALL_ATTRIBUTE);
    if (stored instanceof ServerCall) {
      ServerCall call = (ServerCall) stored;
      return call.isCurrentIn(current) ? null : new LaterDispatch(call);
    }
    ServerCall call = new ServerCall(tracer.start(request));
    requests.setAttribute(request, CALL_ATTRIBUTE, call);
    call.firstScope = call.context().makeCurrent();
    return call;
  }

  /** @param error what the servlet or filter threw; it goes on to the container unchanged */
  public void exit(Object dispatch, REQ request, RESP response, Throwable error) {
    if (dispatch instanceof LaterDispatch) {
      LaterDispatch later = (LaterDispatch) dispatch;
      later.scope.close();
      // The request ends with the async cycle it belongs to, not here.
      if (error != null) {
        later.call.recordLaterError(error);
      }
      return;
    }
    if (!(dispatch instanceof ServerCall)) {
      return;
    }
    ServerCall call = (ServerCall) dispatch;
    call.firstScope.close();
    // Routing is done by now, also for a request that goes on asynchronously.
    tracer.refineRoute(call.context(), request,
        requests.getAttribute(request, HttpRoutes.SPRING_MVC_PATTERN_ATTRIBUTE));
    if (error == null
        && requests.isAsyncStarted(request)
        && requests.endWhenAsyncCompletes(request, call)) {
      return;
    }
    end(call, response, error);
  }

  /** Ends the call's span, once, however many listeners and dispatches report the end. */
  public void end(ServerCall call, RESP response, Throwable error) {
    if (call.markEnded()) {
      tracer.end(call.context(), response, error != null ? error : call.laterError());
    }
  }

  /**
   * The task an application hands to {@code AsyncContext.start}, made to run in the request's
   * context: the caller's own context when it already belongs to the request (it may hold a span
   * the application started), else the request's. Unchanged when there is no context to carry.
   *
   * @param request the async context's request, or {@code null} if it could not be had
   */
  public Runnable wrapAsyncTask(REQ request, Runnable task) {
    Context current = Context.current();
    Object stored = request == null ? null : requests.getAttribute(request, CALL_ATTRIBUTE);
    Context context =
        stored instanceof ServerCall && !((ServerCall) stored).isCurrentIn(current)
            ? ((ServerCall) stored).context()
            : current;
    // Context.wrap closes its scope when the task ends: the pooled thread is left clean.
    return task == null || context == Context.root() ? task : context.wrap(task);
  }

  /** A dispatch after the first (async, error page) that made the request's context current. */
  private static final class LaterDispatch {
    final ServerCall call;
    final Scope scope;

    LaterDispatch(ServerCall call) {
      this.call = call;
      this.scope = call.context().makeCurrent();
    }
  }
}
