package dev.baton.instrumentation.api;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A call's context, made current from the advice's enter to its exit, so that what the call does
 * underneath (a nested instrumented client, a driver calling its own sibling method) sees it.
 * Handed from enter to exit advice as an {@code Object}.
 */
public final class CurrentCall {

  private final Context context;
  private final Scope scope;

  private CurrentCall(Context context) {
    this.context = context;
    this.scope = context.makeCurrent();
  }

  public static CurrentCall open(Context context) {
    return new CurrentCall(context);
  }

  public Context context() {
    return context;
  }

  /** Leaves the call's context; returns it, to end the span with. */
  public Context close() {
    scope.close();
    return context;
  }
}
