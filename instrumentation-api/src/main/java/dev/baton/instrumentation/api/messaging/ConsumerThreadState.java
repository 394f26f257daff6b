package dev.baton.instrumentation.api.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * What a consumer thread has made current beyond the calls the agent sees return: the batch
 * (receive) context opened when a receive returns, and the context of the message being
 * processed. Both are closed, innermost first, when the thread receives again or closes its
 * consumer, so a loop the application leaves early never leaves a message's context behind.
 */
final class ConsumerThreadState {

  private static final ThreadLocal<Processing> PROCESSING = new ThreadLocal<>();
  private static final ThreadLocal<Scope> BATCH = new ThreadLocal<>();

  private ConsumerThreadState() {}

  /** Makes the message's processing context current; ends the one before it on this thread. */
  static Processing beginProcessing(Context context) {
    endProcessing(null);
    Processing processing = new Processing(context, context.makeCurrent());
    PROCESSING.set(processing);
    return processing;
  }

  /**
   * Ends the processing this thread has open: only {@code owner}'s, or any when {@code owner} is
   * null.
   */
  static void endProcessing(Object owner) {
    Processing processing = PROCESSING.get();
    if (processing != null && (owner == null || owner == processing)) {
      PROCESSING.remove();
      processing.scope.close();
      Span.fromContext(processing.context).end();
    }
  }

  /**
   * Makes the batch context current until the next receive, but only on a thread that had no
   * context of its own: inside a request or a task, that caller's scope must stay the one that
   * closes last.
   */
  static void openBatch(Context batch) {
    if (Context.current() == Context.root()) {
      BATCH.set(batch.makeCurrent());
    }
  }

  /** The thread receives again or closes its consumer: everything opened for the last batch ends. */
  static void closeAll() {
    endProcessing(null);
    Scope batch = BATCH.get();
    if (batch != null) {
      BATCH.remove();
      batch.close();
    }
  }

  static final class Processing {
    final Context context;
    final Scope scope;

    Processing(Context context, Scope scope) {
      this.context = context;
      this.scope = scope;
    }
  }
}
