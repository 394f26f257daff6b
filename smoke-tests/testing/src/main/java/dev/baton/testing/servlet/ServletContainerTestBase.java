package dev.baton.testing.servlet;

import dev.baton.testing.AgentExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the test application on the container under test for the whole test class. */
@ExtendWith(AgentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServletContainerTestBase<S, F> {

  private ServletContainer<S, F> running;
  private int port;

  /** A new container under test: the one thing a container module supplies. */
  protected abstract ServletContainer<S, F> container();

  /** The test application in the container's servlet API. */
  protected abstract Deployment<S, F> deployment();

  /** The port the container listens on, at 127.0.0.1. */
  protected final int port() {
    return port;
  }

  @BeforeAll
  void startContainer() throws Exception {
    running = container();
    port = running.start(deployment());
  }

  @AfterAll
  void stopContainer() throws Exception {
    running.stop();
  }
}
