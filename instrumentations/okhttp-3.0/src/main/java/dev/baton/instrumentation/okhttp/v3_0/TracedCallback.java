package dev.baton.instrumentation.okhttp.v3_0;

import dev.baton.bootstrap.AdviceErrors;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Stands in for the application's callback of one enqueued call. It carries the call's context
 * to the dispatcher thread and ends the CLIENT span when OkHttp reports the outcome, before the
 * application's callback runs: the span measures the HTTP exchange, not what the application
 * does with it.
 *
 * <p>The application's callback runs with the context that was current at {@code enqueue}, the
 * caller's, not the CLIENT span's: what it does next is the caller's work (a call it makes there
 * is a sibling of this call, not nested inside it), exactly as if it had used
 * {@code execute()} and carried on. The response and exception are passed on unchanged.
 */
final class TracedCallback implements Callback {

  private final Callback delegate;
  private final Context parent;
  private final Context context;
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * @param parent the caller's context at {@code enqueue}
   * @param context the context holding the call's CLIENT span, or {@code null} if none started
   */
  TracedCallback(Callback delegate, Context parent, Context context) {
    this.delegate = delegate;
    this.parent = parent;
    this.context = context;
  }

  /** While OkHttp sends the call's requests on the dispatcher thread. */
  Scope makeCallCurrent() {
    return (context != null ? context : parent).makeCurrent();
  }

  /** Ends the span once, whichever of OkHttp's outcomes (or its absence) comes first. */
  void end(Response response, Throwable error) {
    if (context != null && ended.compareAndSet(false, true)) {
      OkHttpTracing.end(context, response, error);
    }
  }

  @Override
  public void onResponse(Call call, Response response) throws IOException {
    endQuietly(response, null);
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onResponse(call, response);
    }
  }

  @Override
  public void onFailure(Call call, IOException e) {
    endQuietly(null, e);
    try (Scope ignored = parent.makeCurrent()) {
      delegate.onFailure(call, e);
    }
  }

  /** Nothing of ours may keep the application's callback from running. */
  private void endQuietly(Response response, Throwable error) {
    try {
      end(response, error);
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
  }
}
