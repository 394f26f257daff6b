package dev.baton.librarytest.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite every logging library is held to: inside a real SERVER span (an instrumented servlet
 * called with a {@code traceparent} and an {@code x-request-id}) the printed ids are the exported
 * span's; outside any span nothing is printed; a task handed to a pool prints the submitting
 * request's ids, and the pooled thread prints nothing afterwards.
 */
@ExtendWith(AgentExtension.class)
abstract class AbstractLogCorrelationTest {

  abstract TestLogger logger();

  static String unique(String what) {
    return what + "-" + UUID.randomUUID();
  }

  static String randomTraceId() {
    return String.format("%016x%016x", ThreadLocalRandom.current().nextLong() | 1, ThreadLocalRandom.current().nextLong());
  }

  /** Runs the handler inside a request that arrives with a traceparent and an x-request-id. */
  static void inRequest(String traceId, String requestId, TracedServer.Handler handler) throws Exception {
    try (TracedServer server = TracedServer.start(handler)) {
      server.call("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "x-request-id", requestId);
    }
  }

  static ReceivedSpan serverSpan(String traceId) throws InterruptedException {
    return AgentExtension.receiver()
        .await(s -> s.kind().equals("SERVER") && s.traceId().equals(traceId), 1, Duration.ofSeconds(30))
        .get(0);
  }

  static void assertIdsOf(PrintedLine line, ReceivedSpan span, String requestId) {
    assertThat(line.traceId()).as("trace_id of %s", line.message()).isEqualTo(span.traceId());
    assertThat(line.spanId()).as("span_id of %s", line.message()).isEqualTo(span.spanId());
    assertThat(line.traceFlags()).as("trace_flags of %s", line.message()).isEqualTo("01");
    assertThat(line.requestId()).as("x_request_id of %s", line.message()).isEqualTo(requestId);
  }

  @Test
  void aLineWrittenInARequestCarriesItsSpan() throws Exception {
    String traceId = randomTraceId();
    String requestId = unique("req");
    String message = unique("in-request");
    inRequest(traceId, requestId, request -> {
      logger().info(message);
      return "ok";
    });
    assertIdsOf(logger().printed(message), serverSpan(traceId), requestId);
  }

  @Test
  void aLineWrittenOutsideAnySpanCarriesNothing() throws Exception {
    String message = unique("outside");
    logger().info(message);
    assertThat(logger().printed(message).isClean()).as("printed outside a span").isTrue();
  }

  @Test
  void aPooledTaskCarriesTheSubmittingRequestAndLeavesTheThreadClean() throws Exception {
    String traceId = randomTraceId();
    String requestId = unique("req");
    String inTask = unique("task-of-request");
    String afterwards = unique("task-afterwards");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      inRequest(traceId, requestId, request -> {
        pool.submit(() -> logger().info(inTask)).get(30, TimeUnit.SECONDS);
        return "ok";
      });
      pool.submit(() -> logger().info(afterwards)).get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertIdsOf(logger().printed(inTask), serverSpan(traceId), requestId);
    assertThat(logger().printed(afterwards).isClean()).as("the pooled thread after the task").isTrue();
  }
}
