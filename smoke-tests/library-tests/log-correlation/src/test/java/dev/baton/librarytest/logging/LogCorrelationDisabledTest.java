package dev.baton.librarytest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Run with logback-mdc and log4j-context-data switched off: their lines carry nothing. */
@ExtendWith(AgentExtension.class)
class LogCorrelationDisabledTest {

  @Test
  void nothingIsAddedInsideARequest() throws Exception {
    for (TestLogger logger : List.of(TestLogger.logback(), TestLogger.log4j2())) {
      String message = AbstractLogCorrelationTest.unique("disabled");
      AbstractLogCorrelationTest.inRequest(
          AbstractLogCorrelationTest.randomTraceId(), AbstractLogCorrelationTest.unique("req"), request -> {
            logger.info(message);
            return "ok";
          });
      assertThat(logger.printed(message).isClean()).as("%s", logger.file()).isTrue();
    }
  }
}
