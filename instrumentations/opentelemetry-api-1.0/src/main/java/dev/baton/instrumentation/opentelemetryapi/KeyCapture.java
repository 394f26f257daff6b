package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextKey;
import application.io.opentelemetry.context.ImplicitContextKeyed;

/**
 * A context that only notes the key it is given: {@code ImplicitContextKeyed.storeInContext}
 * calls {@code with(KEY, this)} with the API's private key, so no reflection is needed.
 */
final class KeyCapture implements Context {

  private ContextKey<?> key;

  static ContextKey<?> keyOf(ImplicitContextKeyed value) {
    KeyCapture capture = new KeyCapture();
    value.storeInContext(capture);
    return capture.key;
  }

  @Override
  public <V> V get(ContextKey<V> key) {
    return null;
  }

  @Override
  public <V> Context with(ContextKey<V> key, V value) {
    this.key = key;
    return this;
  }
}
