package dev.baton.instrumentation.apachehttpclient.v4_0;

import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.concurrent.FutureCallback;
import org.apache.http.nio.protocol.BasicAsyncRequestProducer;
import org.apache.http.nio.protocol.HttpAsyncRequestProducer;

/**
 * What the async client's advice does. The span starts when {@code execute} submits the request
 * and ends when its future completes. Requests are written later on I/O threads, by the exchange
 * handler that {@code execute} creates: the handler is bound to the call while {@code execute}
 * runs, and every request it hands to the connection (each attempt, each redirect) gets the
 * call's context.
 */
public final class ApacheHttpAsyncClientTracing {

  /** Exchange handler (internal to the client, one per execute) to its call. */
  private static final WeakIdentityMap<Object, ApacheCall> CALLS = new WeakIdentityMap<>();

  private ApacheHttpAsyncClientTracing() {}

  /**
   * @return {@code {callback to pass on, call}}, or {@code null} to leave the call alone; the
   *     callback ends the span and then runs the application's own, if any
   */
  public static Object[] start(HttpAsyncRequestProducer producer, FutureCallback<?> callback) {
    if (producer == null) {
      return null;
    }
    ApacheCall call = ApacheCall.start(producer.getTarget(), requestOf(producer));
    if (call == null) {
      return null;
    }
    call.attach();
    return new Object[] {new TracingFutureCallback<>(callback, call), call};
  }

  /** {@code execute} returned or threw: the future, not this, normally ends the span. */
  public static void submitted(Object[] enter, Throwable error) {
    if (enter != null && enter.length > 1 && enter[1] instanceof ApacheCall) {
      ApacheCall call = (ApacheCall) enter[1];
      call.detach();
      if (error != null) {
        call.end(null, error);
      }
    }
  }

  /** An exchange handler starts inside {@code execute}, on the caller's thread. */
  public static void exchangeStarted(Object handler) {
    ApacheCall call = ApacheCall.current();
    if (call != null) {
      CALLS.put(handler, call);
    }
  }

  /** The handler hands {@code request} to the connection, on an I/O thread. */
  public static void exchangeWrites(Object handler, HttpRequest request) {
    ApacheCall call = CALLS.get(handler);
    if (call != null) {
      call.inject(request);
    }
  }

  public static void exchangeRead(Object handler, HttpResponse response) {
    ApacheCall call = CALLS.get(handler);
    if (call != null) {
      call.responseRead(response);
    }
  }

  /**
   * The request, where asking for it has no side effect: the basic producer (behind every
   * {@code execute(HttpUriRequest ...)} overload) only returns the one it holds. A custom
   * producer may build a request per call, so it is not asked; its span has the target alone.
   */
  private static HttpRequest requestOf(HttpAsyncRequestProducer producer) {
    return producer instanceof BasicAsyncRequestProducer
        ? ((BasicAsyncRequestProducer) producer).generateRequest()
        : null;
  }
}
