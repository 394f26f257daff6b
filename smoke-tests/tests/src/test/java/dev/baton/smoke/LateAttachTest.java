package dev.baton.smoke;

import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import static dev.baton.smoke.EndToEndTraceTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -jar baton-agent.jar attach <pid>} on a service that is already serving: the classes
 * it already loaded (its servlets, the JDK HttpClient) are retransformed.
 */
class LateAttachTest extends WithReceiver {


  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void attachToARunningService(Jdk jdk) throws Exception {
    String service = "attached-" + jdk;
    // Configuration for an attached agent: the target JVM's system properties.
    try (DemoService demo = DemoService.start(jdk, DemoService.otlpSettings(receiver, service), Map.of())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200); // loads every class first

      try (ServiceProcess attach = ServiceProcess.start("attach-" + jdk,
          ServiceProcess.java(jdk, List.of("-jar", Artifacts.agentJar().toString()),
              "attach", Long.toString(demo.process().pid())), Map.of())) {
        assertThat(attach.awaitExit(Duration.ofSeconds(60))).as(attach.describe()).isEqualTo(0);
      }
      demo.process().awaitStderr(Pattern.compile("\\[baton\\] INFO Baton .* \\(attached\\)"), Duration.ofSeconds(30));

      assertThat(demo.get("/hello",
          "traceparent", "00-" + EndToEndTraceTest.INBOUND_TRACE.replace('4', '5') + "-00f067aa0ba902b7-01")
          .statusCode()).isEqualTo(200);
      List<ReceivedSpan> spans = receiver.await(s -> s.serviceName().equals(service), 3, Duration.ofSeconds(30));
      ReceivedSpan client = only(spans, "CLIENT");
      assertThat(spans).extracting(ReceivedSpan::traceId)
          .containsOnly(EndToEndTraceTest.INBOUND_TRACE.replace('4', '5'));
      assertThat(spans.stream().filter(s -> s.name().equals("GET /hello")).findFirst().orElseThrow().spanId())
          .isEqualTo(client.parentSpanId());
      assertThat(demo.process().stderr()).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR");
    }
  }
}
