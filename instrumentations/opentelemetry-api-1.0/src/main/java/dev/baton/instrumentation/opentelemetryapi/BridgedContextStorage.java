package dev.baton.instrumentation.opentelemetryapi;

import application.io.opentelemetry.context.Context;
import application.io.opentelemetry.context.ContextStorage;
import application.io.opentelemetry.context.Scope;

/**
 * The application's context storage, kept inside the agent's: there is one current context per
 * thread, the agent's, and the application's part of it (its own keys, its own SDK's span) rides
 * in it under {@link ContextBridge#APPLICATION_CONTEXT}. So the agent's spans started while an
 * application span is current are its children, the application sees the agent's span as
 * current, and the agent's thread hand-offs carry the application's context too.
 */
final class BridgedContextStorage implements ContextStorage {

  private final ContextStorage delegate;

  BridgedContextStorage(ContextStorage delegate) {
    this.delegate = delegate;
  }

  ContextStorage delegate() {
    return delegate;
  }

  @Override
  public Context current() {
    io.opentelemetry.context.Context agent = io.opentelemetry.context.Context.current();
    Object application = agent.get(ContextBridge.APPLICATION_CONTEXT);
    return new BridgedContext(agent, application instanceof Context ? (Context) application : root());
  }

  @Override
  public Scope attach(Context toAttach) {
    if (toAttach == null) {
      return Scope.noop();
    }
    io.opentelemetry.context.Scope scope = ContextBridge.toAgent(toAttach).makeCurrent();
    return scope::close;
  }

  @Override
  public Context root() {
    return delegate.root();
  }
}
