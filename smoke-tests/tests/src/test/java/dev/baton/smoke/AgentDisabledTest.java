package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.javaagent.enabled=false} leaves the service untouched: with {@code baton.debug},
 * which logs every class the agent transforms, not one is listed, and nothing is exported. The
 * same service with the agent on lists its servlet and client classes, so the check can fail.
 */
class AgentDisabledTest extends WithReceiver {

  @Test
  void disabledAgentTransformsNoClass() throws Exception {
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, "kill-switch"));
    settings.add("-Dbaton.debug=true");
    List<String> disabled = new ArrayList<>(settings);
    disabled.add("-Dotel.javaagent.enabled=false");
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(disabled), Map.of())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
      String stderr = demo.process().stderr();
      assertThat(stderr).contains("disabled by otel.javaagent.enabled=false");
      assertThat(stderr.lines().filter(AgentDisabledTest::isTransformLine)).isEmpty();
      Thread.sleep(500);
      assertThat(receiver.spans()).noneMatch(s -> s.serviceName().equals("kill-switch"));
    }
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(settings), Map.of())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
      assertThat(demo.process().stderr().lines().filter(AgentDisabledTest::isTransformLine))
          .as("the control run transforms classes")
          .anyMatch(l -> l.contains("jakarta.servlet") || l.contains("org.apache.catalina"))
          .anyMatch(l -> l.contains("jdk.internal.net.http.HttpClientImpl"));
    }
  }

  /** What baton.debug logs for every class the agent changed (TransformListener). */
  private static boolean isTransformLine(String line) {
    return line.startsWith("[baton] DEBUG") && line.contains(" instrumented ");
  }
}
