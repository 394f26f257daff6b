package dev.baton.instrumentation.httpurlconnection;

import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the agent knows about one connection, from the first call that sends anything to the end
 * of its CLIENT span. Holds no reference to the connection (it is the value of a weak map keyed
 * by the connection).
 */
final class ConnectionState {

  /** A connection the agent leaves alone: no span of its own, nothing more to inject. */
  static final ConnectionState UNTRACED = new ConnectionState(null, null);

  private final Context context;
  private volatile String method;
  // The JDK calls its own public methods (getInputStream calls connect, getResponseCode and, in
  // streaming mode, getOutputStream): only the application's outermost call counts.
  private volatile boolean inCall;
  private final AtomicBoolean ended = new AtomicBoolean();

  /**
   * @param context holds the connection's CLIENT span
   * @param method the method the span was started with
   */
  ConnectionState(Context context, String method) {
    this.context = context;
    this.method = method;
  }

  Context context() {
    return context;
  }

  String method() {
    return method;
  }

  void method(String method) {
    this.method = method;
  }

  /** True if this call is the outermost one on a span that has not ended; it must then leave. */
  boolean enterCall() {
    if (context == null || inCall || ended.get()) {
      return false;
    }
    inCall = true;
    return true;
  }

  void leaveCall() {
    inCall = false;
  }

  /** True exactly once: for the caller that is to end the span. */
  boolean markEnded() {
    return ended.compareAndSet(false, true);
  }
}
