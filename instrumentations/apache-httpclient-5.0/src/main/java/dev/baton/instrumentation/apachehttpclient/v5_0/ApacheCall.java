package dev.baton.instrumentation.apachehttpclient.v5_0;

import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;

/**
 * One {@code execute} call in progress, classic or async: its CLIENT span, the request object the
 * application passed (which is never written to), and the last response the connection read.
 *
 * <p>A classic call knows its request at once. An async call is given a producer, which reveals
 * the request only when the client asks it to send; so the call is created first, carrying the
 * caller's context, and its span starts when the client builds the exchange for that request.
 */
final class ApacheCall {

  private static final ContextKey<ApacheCall> KEY = ContextKey.named("baton-apache-httpclient-5-call");

  private static final HttpClientTracer<ApacheRequest, HttpResponse> TRACER =
      new HttpClientTracer<>("baton.apache-httpclient-5.0", ApacheAttributesGetter.INSTANCE);

  /** The caller's context: async callbacks run in it. */
  final Context parent;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  /** The CLIENT span and this call; null until the span starts. */
  private volatile Context context;
  private volatile HttpRequest applicationRequest;
  private volatile HttpResponse lastResponse;
  /** Only touched by the thread that called execute. */
  private Scope scope;

  private ApacheCall(Context parent) {
    this.parent = parent;
  }

  /**
   * A call under the current context whose span has not started, or {@code null} where none
   * belongs: the agent's own traffic, or an execute nested in another client call.
   */
  static ApacheCall create() {
    Context parent = Context.current();
    return TRACER.shouldStart(parent) ? new ApacheCall(parent) : null;
  }

  /** The call current on this thread, started or not. */
  static ApacheCall current() {
    return Context.current().get(KEY);
  }

  /** Starts the span for the request the application passed; only the first time counts. */
  boolean startSpan(HttpHost target, HttpRequest request) {
    if (request == null || !started.compareAndSet(false, true)) {
      return false;
    }
    applicationRequest = request;
    context = TRACER.start(parent, new ApacheRequest(target, request)).with(KEY, this);
    return true;
  }

  /**
   * Makes the call current on the calling thread, until {@link #detach}: with its span if it has
   * started, else the caller's context marked with the call.
   */
  void attach() {
    scope = (context != null ? context : parent.with(KEY, this)).makeCurrent();
  }

  void detach() {
    if (scope != null) {
      scope.close();
      scope = null;
    }
  }

  /**
   * Puts the context onto a request the connection is about to send: the client's own copy for
   * this attempt, never the application's object, and not a proxy's CONNECT.
   */
  void inject(HttpRequest wire) {
    Context spanContext = context;
    if (spanContext != null && wire != null && wire != applicationRequest
        && !"CONNECT".equals(wire.getMethod())) {
      TRACER.inject(spanContext, wire, HttpRequestSetter.INSTANCE);
    }
  }

  void responseRead(HttpResponse response) {
    if (response != null) {
      lastResponse = response;
    }
  }

  /**
   * Ends the span once, if it started. {@code result} is what the call returned or the future
   * completed with: its status is used when it is (or heads) a response; otherwise (a response
   * handler's value) the last response read on the wire.
   */
  void end(Object result, Throwable error) {
    Context spanContext = context;
    if (spanContext != null && ended.compareAndSet(false, true)) {
      TRACER.end(spanContext, responseOf(result), error);
    }
  }

  private HttpResponse responseOf(Object result) {
    if (result instanceof HttpResponse) {
      return (HttpResponse) result;
    }
    if (result instanceof Message && ((Message<?, ?>) result).getHead() instanceof HttpResponse) {
      return (HttpResponse) ((Message<?, ?>) result).getHead();
    }
    return lastResponse;
  }
}
