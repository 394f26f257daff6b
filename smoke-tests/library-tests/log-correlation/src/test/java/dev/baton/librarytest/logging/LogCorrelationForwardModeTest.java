package dev.baton.librarytest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run with {@code baton.mode=forward}: there is no span of the service's own, so a line carries
 * the inbound trace id and flags and the forwarded x-request-id, but no span id.
 */
class LogCorrelationForwardModeTest {

  @Test
  void linesCarryTheForwardedRequest() throws Exception {
    for (TestLogger logger : List.of(TestLogger.logback(), TestLogger.log4j2(), TestLogger.jul())) {
      String traceId = AbstractLogCorrelationTest.randomTraceId();
      String requestId = AbstractLogCorrelationTest.unique("req");
      String message = AbstractLogCorrelationTest.unique("forward");
      AbstractLogCorrelationTest.inRequest(traceId, requestId, request -> {
        logger.info(message);
        return "ok";
      });
      PrintedLine line = logger.printed(message);
      assertThat(line.traceId()).as("%s", logger.file()).isEqualTo(traceId);
      assertThat(line.spanId()).as("%s", logger.file()).isEmpty();
      assertThat(line.traceFlags()).as("%s", logger.file()).isEqualTo("01");
      assertThat(line.requestId()).as("%s", logger.file()).isEqualTo(requestId);
    }
  }

  @Test
  void withoutATraceparentOnlyTheRequestIdIsPrinted() throws Exception {
    String requestId = AbstractLogCorrelationTest.unique("req");
    String message = AbstractLogCorrelationTest.unique("forward-no-trace");
    try (dev.baton.testing.TracedServer server = dev.baton.testing.TracedServer.start(request -> {
      TestLogger.logback().info(message);
      return "ok";
    })) {
      server.call("x-request-id", requestId);
    }
    PrintedLine line = TestLogger.logback().printed(message);
    assertThat(line.traceId()).isEmpty();
    assertThat(line.requestId()).isEqualTo(requestId);
  }
}
