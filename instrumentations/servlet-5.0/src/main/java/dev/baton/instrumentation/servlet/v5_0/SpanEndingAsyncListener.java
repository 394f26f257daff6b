package dev.baton.instrumentation.servlet.v5_0;

import dev.baton.instrumentation.api.http.HttpServerTracer;
import io.opentelemetry.context.Context;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/** Ends the SERVER span of an async request when the container completes it. */
final class SpanEndingAsyncListener implements AsyncListener {

  private final HttpServerTracer<HttpServletRequest, HttpServletResponse> tracer;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();

  SpanEndingAsyncListener(
      HttpServerTracer<HttpServletRequest, HttpServletResponse> tracer, Context context) {
    this.tracer = tracer;
    this.context = context;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end(event, null);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    end(event, event.getThrowable());
  }

  @Override
  public void onError(AsyncEvent event) {
    end(event, event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // a new async cycle on the same request: keep listening
    event.getAsyncContext().addListener(this);
  }

  private void end(AsyncEvent event, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      HttpServletResponse response =
          event.getSuppliedResponse() instanceof HttpServletResponse
              ? (HttpServletResponse) event.getSuppliedResponse()
              : null;
      tracer.end(context, response, error);
    }
  }
}
