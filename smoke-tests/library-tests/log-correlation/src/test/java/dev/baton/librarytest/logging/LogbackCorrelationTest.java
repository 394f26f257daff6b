package dev.baton.librarytest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Logback through SLF4J: {@code %X{...}} in a real logback-test.xml. */
class LogbackCorrelationTest extends AbstractLogCorrelationTest {

  @Override
  TestLogger logger() {
    return TestLogger.logback();
  }

  @Test
  void anAsynchronousAppenderPrintsTheIdsOfTheLoggingThread() throws Exception {
    String traceId = randomTraceId();
    String requestId = unique("req");
    String message = unique("async");
    inRequest(traceId, requestId, request -> {
      TestLogger.logbackAsync().info(message);
      return "ok";
    });
    assertIdsOf(TestLogger.logbackAsync().printed(message), serverSpan(traceId), requestId);
  }

  @Test
  void theThreadsMdcIsNeverTouched() throws Exception {
    inRequest(randomTraceId(), unique("req"), request -> {
      TestLogger.logback().info(unique("mdc"));
      assertThat(MDC.getCopyOfContextMap()).as("the request thread's MDC").isNullOrEmpty();
      return "ok";
    });
  }
}
