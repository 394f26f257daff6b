package dev.baton.instrumentation.apachehttpclient.v5_0;

import io.opentelemetry.context.Scope;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * Stands in for the application's callback (or for none): ends the call's span when the future
 * completes, then runs the application's callback in the context {@code execute} was called in.
 */
final class TracingFutureCallback<T> implements FutureCallback<T> {

  private final FutureCallback<T> delegate;
  private final ApacheCall call;

  TracingFutureCallback(FutureCallback<T> delegate, ApacheCall call) {
    this.delegate = delegate;
    this.call = call;
  }

  @Override
  public void completed(T result) {
    call.end(result, null);
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.completed(result);
      }
    }
  }

  @Override
  public void failed(Exception error) {
    call.end(null, error);
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.failed(error);
      }
    }
  }

  /** Cancelled by the application: the span ends without an error, as nothing failed. */
  @Override
  public void cancelled() {
    call.end(null, null);
    if (delegate != null) {
      try (Scope ignored = call.parent.makeCurrent()) {
        delegate.cancelled();
      }
    }
  }
}
