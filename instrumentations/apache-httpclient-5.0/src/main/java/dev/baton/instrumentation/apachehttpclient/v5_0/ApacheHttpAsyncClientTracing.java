package dev.baton.instrumentation.apachehttpclient.v5_0;

import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpRequest;

/**
 * What the async client's advice does. {@code doExecute} (behind every {@code execute}) creates
 * the call in the caller's context and hands the future a callback that ends it. The client then
 * asks the producer for the request and builds the exchange for it: there the span starts, and
 * the exchange's future (shared by every attempt and redirect) is bound to the call. Each time
 * the exec chain hands a request copy to the connection, on whichever thread, the call's context
 * is put on it.
 */
public final class ApacheHttpAsyncClientTracing {

  /** The exchange's future, internal to the client, to its call. */
  private static final WeakIdentityMap<Object, ApacheCall> CALLS = new WeakIdentityMap<>();

  private ApacheHttpAsyncClientTracing() {}

  /**
   * @return {@code {callback to pass on, call}}, or {@code null} to leave the call alone; the
   *     callback ends the span and then runs the application's own, if any
   */
  public static Object[] submit(FutureCallback<?> callback) {
    ApacheCall call = ApacheCall.create();
    if (call == null) {
      return null;
    }
    call.attach();
    return new Object[] {new TracingFutureCallback<>(callback, call), call};
  }

  /** {@code doExecute} returned or threw: the future, not this, normally ends the span. */
  public static void submitted(Object[] enter, Throwable error) {
    if (enter != null && enter.length > 1 && enter[1] instanceof ApacheCall) {
      ApacheCall call = (ApacheCall) enter[1];
      call.detach();
      if (error != null) {
        call.end(null, error);
      }
    }
  }

  /** The client built an exchange for the application's request, inside {@code doExecute}. */
  public static void exchangeCreated(AsyncExecChain.Scope scope) {
    ApacheCall call = ApacheCall.current();
    if (call != null && call.startSpan(null, scope.originalRequest)) {
      CALLS.put(scope.cancellableDependency, call);
    }
  }

  /** The last element of the exec chain is about to send {@code request}. */
  public static void beforeSend(HttpRequest request, AsyncExecChain.Scope scope) {
    ApacheCall call = CALLS.get(scope.cancellableDependency);
    if (call != null) {
      call.inject(request);
    }
  }
}
