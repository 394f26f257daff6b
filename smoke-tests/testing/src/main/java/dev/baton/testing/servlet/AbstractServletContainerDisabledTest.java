package dev.baton.testing.servlet;

import static dev.baton.testing.servlet.ServletTestApp.FILTERED;
import static dev.baton.testing.servlet.ServletTestApp.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.EdgeRequest;
import org.junit.jupiter.api.Test;

/**
 * Runs with {@code otel.instrumentation.servlet.enabled=false}: the container serves as before
 * and nothing is recorded.
 */
public abstract class AbstractServletContainerDisabledTest<S, F> extends ServletContainerTestBase<S, F> {

  @Test
  void nothingIsRecorded() throws Exception {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assertThat(EdgeRequest.get(port(), ROUTE, "traceparent", traceparent).body()).isEqualTo("ok");
    assertThat(EdgeRequest.get(port(), FILTERED).body()).isEqualTo("ok after ab");
    Thread.sleep(500);
    assertThat(AgentExtension.receiver().spans()).isEmpty();
  }
}
