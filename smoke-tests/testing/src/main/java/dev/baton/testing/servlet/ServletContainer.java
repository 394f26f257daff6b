package dev.baton.testing.servlet;

/**
 * One embedded servlet container, the only thing a container module's test writes. It must:
 * listen on 127.0.0.1 and an ephemeral port; deploy at the root context every servlet and filter
 * as async-supported, filters (in the given order) on REQUEST dispatches only; dispatch any
 * {@code Throwable} a servlet throws to the deployment's error page.
 */
public interface ServletContainer<S, F> {

  /** @return the port the container listens on */
  int start(Deployment<S, F> deployment) throws Exception;

  void stop() throws Exception;
}
