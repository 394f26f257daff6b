package dev.baton.instrumentation.servlet.v3_0;

import dev.baton.instrumentation.api.http.ServerCall;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;

/** Ends the SERVER span of an async request when the container completes it. */
final class SpanEndingAsyncListener implements AsyncListener {

  private final ServerCall call;

  SpanEndingAsyncListener(ServerCall call) {
    this.call = call;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    ServletTracing.end(call, event.getSuppliedResponse(), null);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // Not the end yet: unless a listener answers, the container sends its error response and
    // then completes the request, and the span should carry that status.
  }

  @Override
  public void onError(AsyncEvent event) {
    ServletTracing.end(call, event.getSuppliedResponse(), event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // A new async cycle on the same request (startAsync in an async dispatch): the container
    // drops its listeners, so keep listening.
    event.getAsyncContext().addListener(this);
  }
}
