package dev.baton.instrumentation.apachehttpclient.v4_0;

import dev.baton.instrumentation.api.http.HttpClientTracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;

/**
 * One {@code execute} call in progress, classic or async: its CLIENT span, the request object the
 * application passed (which is never written to), and the last response the connection read.
 */
final class ApacheCall {

  private static final ContextKey<ApacheCall> KEY = ContextKey.named("baton-apache-httpclient-4-call");

  private static final HttpClientTracer<ApacheRequest, HttpResponse> TRACER =
      new HttpClientTracer<>("baton.apache-httpclient-4.0", ApacheAttributesGetter.INSTANCE);

  /** The caller's context: async callbacks run in it. */
  final Context parent;
  /** The CLIENT span and this call. */
  final Context context;
  private final HttpRequest applicationRequest;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile HttpResponse lastResponse;
  /** Only touched by the thread that called execute. */
  private Scope scope;

  private ApacheCall(Context parent, HttpHost target, HttpRequest applicationRequest) {
    this.parent = parent;
    this.applicationRequest = applicationRequest;
    this.context = TRACER.start(parent, new ApacheRequest(target, applicationRequest)).with(KEY, this);
  }

  /**
   * Starts a call under the current context, or returns {@code null} where none belongs: the
   * agent's own traffic, or an execute nested in another client call (which already has a span
   * and injects on its own).
   */
  static ApacheCall start(HttpHost target, HttpRequest applicationRequest) {
    Context parent = Context.current();
    return TRACER.shouldStart(parent) ? new ApacheCall(parent, target, applicationRequest) : null;
  }

  /** The call whose context is current on this thread (the classic client runs on the caller's). */
  static ApacheCall current() {
    return Context.current().get(KEY);
  }

  /** Makes the call current on the calling thread, until {@link #detach}. */
  void attach() {
    scope = context.makeCurrent();
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
    if (wire != null && wire != applicationRequest
        && !"CONNECT".equals(wire.getRequestLine().getMethod())) {
      TRACER.inject(context, wire, HttpRequestSetter.INSTANCE);
    }
  }

  void responseRead(HttpResponse response) {
    if (response != null) {
      lastResponse = response;
    }
  }

  /**
   * Ends the span once. {@code result} is what the call returned: its status is used when it is a
   * response; otherwise (a ResponseHandler's value) the last response read on the wire.
   */
  void end(Object result, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      HttpResponse response = result instanceof HttpResponse ? (HttpResponse) result : lastResponse;
      TRACER.end(context, response, error);
    }
  }
}
