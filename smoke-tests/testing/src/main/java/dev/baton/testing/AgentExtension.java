package dev.baton.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that run in a JVM started with the built agent ({@code -javaagent} in surefire's
 * argLine, exporting over OTLP to {@code 127.0.0.1:${baton.test.otlp.port}}). It owns the OTLP
 * receiver, clears it before each test, and fails the test class when any advice exception was
 * suppressed during it: silent in production must not mean silent in tests.
 */
public final class AgentExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private static OtlpReceiver receiver;
  private long adviceErrorsBefore;

  /** The receiver the agent in this JVM exports to. */
  public static synchronized OtlpReceiver receiver() {
    if (receiver == null) {
      Integer port = Integer.getInteger("baton.test.otlp.port");
      if (port == null) {
        throw new IllegalStateException("baton.test.otlp.port is not set: run through Maven");
      }
      try {
        receiver = new OtlpReceiver(port);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the OTLP receiver on port " + port, e);
      }
    }
    return receiver;
  }

  /** How many advice exceptions the agent in this JVM has suppressed so far. */
  public static long adviceErrors() {
    try {
      Class<?> errors = Class.forName("dev.baton.bootstrap.AdviceErrors", false, null);
      Method count = errors.getMethod("count");
      return (long) count.invoke(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the Baton agent is not attached to this JVM", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    receiver();
    adviceErrorsBefore = adviceErrors();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    receiver().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    assertThat(adviceErrors() - adviceErrorsBefore)
        .as("advice exceptions suppressed by the agent during %s (see the [baton] WARN lines)",
            context.getDisplayName())
        .isZero();
  }
}
