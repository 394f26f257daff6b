package dev.baton.librarytest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.Test;

/** Log4j2: {@code %X{...}} in a real log4j2-test.xml. */
class Log4j2CorrelationTest extends AbstractLogCorrelationTest {

  @Override
  TestLogger logger() {
    return TestLogger.log4j2();
  }

  @Test
  void theApplicationsOwnContextDataIsKeptAndTheThreadContextNeverTouched() throws Exception {
    String requestId = unique("req");
    String message = unique("own-context");
    inRequest(randomTraceId(), requestId, request -> {
      ThreadContext.put("user", "alice");
      try {
        TestLogger.log4j2().info(message);
        assertThat(ThreadContext.getContext()).containsOnlyKeys("user");
      } finally {
        ThreadContext.remove("user");
      }
      return "ok";
    });
    assertThat(TestLogger.log4j2().printed(message).requestId()).isEqualTo(requestId);
  }
}
