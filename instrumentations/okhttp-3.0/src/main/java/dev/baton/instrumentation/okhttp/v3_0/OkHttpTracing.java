package dev.baton.instrumentation.okhttp.v3_0;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.CurrentCall;
import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/** What the OkHttp advice does; the advice itself only forwards here. */
public final class OkHttpTracing {

  private static final HttpClientTracer<Request, Response> TRACER =
      new HttpClientTracer<>("baton.okhttp-3.0", OkHttpAttributesGetter.INSTANCE);

  private OkHttpTracing() {}

  /**
   * {@code Call.execute()} starts: the span is current while the call runs on this thread, so the
   * codec injects it and a client nested underneath does not start a second CLIENT span.
   *
   * @return the call in progress, or {@code null} to leave the call alone
   */
  public static Object startExecute(Call call) {
    Context parent = Context.current();
    Request request = call.request();
    if (request == null || !TRACER.shouldStart(parent)) {
      return null;
    }
    Context context = TRACER.start(parent, request);
    return CurrentCall.open(context);
  }

  public static void endExecute(Object syncCall, Response response, Throwable error) {
    if (syncCall instanceof CurrentCall) {
      TRACER.end(((CurrentCall) syncCall).close(), response, error);
    }
  }

  /**
   * {@code Call.enqueue(Callback)} starts: the span starts here, under the caller's context, and
   * travels with the wrapped callback to the dispatcher thread. Inside another client call (no
   * span of our own) the callback is wrapped all the same, so the caller's context still reaches
   * the wire.
   *
   * @return {callback to pass on}, or {@code null} to leave the call alone
   */
  public static Object[] startEnqueue(Call call, Callback callback) {
    if (callback == null || callback instanceof TracedCallback) {
      return null;
    }
    Context parent = Context.current();
    Request request = call.request();
    Context context =
        request != null && TRACER.shouldStart(parent) ? TRACER.start(parent, request) : null;
    return new Object[] {new TracedCallback(callback, parent, context)};
  }

  /** If {@code enqueue} itself failed (a call enqueued twice), OkHttp will never call back. */
  public static void endEnqueue(Object[] enter, Throwable error) {
    if (error != null && enter != null && enter[0] instanceof TracedCallback) {
      ((TracedCallback) enter[0]).end(null, error);
    }
  }

  /** The dispatcher thread starts the call's task: make the call's context current. */
  public static Object enterAsyncCall(Callback callback) {
    return callback instanceof TracedCallback ? ((TracedCallback) callback).makeCallCurrent() : null;
  }

  /** The task is over: restore the thread, and end the span if OkHttp never called back. */
  public static void exitAsyncCall(Object scope, Callback callback, Throwable error) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
    if (callback instanceof TracedCallback) {
      ((TracedCallback) callback).end(null, error);
    }
  }

  /**
   * A request is about to be written: returns a copy carrying the current context's propagation
   * headers, or {@code null} when there is nothing to add.
   */
  public static Object[] withPropagationHeaders(Request request) {
    Context context = Context.current();
    if (request == null || InstrumentationSuppression.isSuppressed(context)) {
      return null;
    }
    RequestCopy copy = new RequestCopy(request);
    TRACER.inject(context, copy, RequestCopy.SETTER);
    Request withHeaders = copy.build();
    return withHeaders == null ? null : new Object[] {withHeaders};
  }

  static void end(Context context, Response response, Throwable error) {
    TRACER.end(context, response, error);
  }
}
