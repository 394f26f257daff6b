package dev.baton.instrumentation.apachehttpclient.v5_0;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * What the classic client's advice does. The span covers one {@code execute} (or
 * {@code executeOpen}); the client runs the whole exchange (retries, redirects) on the calling
 * thread, so the connection finds the call in the current context each time it writes a request.
 */
public final class ApacheHttpClientTracing {

  private ApacheHttpClientTracing() {}

  /** @return the call in progress, or {@code null} to leave this execute alone */
  public static Object start(HttpHost target, HttpRequest request) {
    ApacheCall call = request == null ? null : ApacheCall.create();
    if (call != null) {
      call.startSpan(target, request);
      // Current while the client works, so nested executes and the connection see the call.
      call.attach();
    }
    return call;
  }

  public static void end(Object call, Object result, Throwable error) {
    if (call instanceof ApacheCall) {
      ApacheCall apacheCall = (ApacheCall) call;
      apacheCall.detach();
      apacheCall.end(result, error);
    }
  }

  /** {@code HttpRequestExecutor} is about to write {@code request} on a connection. */
  public static void beforeWrite(HttpRequest request) {
    ApacheCall call = ApacheCall.current();
    if (call != null) {
      call.inject(request);
    }
  }

  public static void afterRead(HttpResponse response) {
    ApacheCall call = ApacheCall.current();
    if (call != null) {
      call.responseRead(response);
    }
  }
}
