package dev.baton.smoke;

import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the service sees when things go wrong: its own exceptions pass through and are recorded,
 * a wrong setting costs one log line and nothing else, a dead backend changes nothing, and the
 * agent's own export traffic is never traced.
 */
class FaultsAndConfigurationTest extends WithReceiver {


  @Test
  void applicationExceptionIsRecordedAndPassesThrough() throws Exception {
    String service = "faults";
    try (DemoService demo = DemoService.start(
        Jdk.current(), DemoService.withAgent(DemoService.otlpSettings(receiver, service)), Map.of())) {
      HttpResponse<String> failed = demo.get("/fail");
      assertThat(failed.statusCode()).isEqualTo(500);
      // Tomcat's own error page names the application's exception: it reached the container unchanged.
      assertThat(failed.body()).contains("java.lang.IllegalStateException: demo failure");

      List<ReceivedSpan> spans = receiver.await(
          s -> s.serviceName().equals(service) && s.name().equals("GET /fail"), 1, Duration.ofSeconds(30));
      ReceivedSpan server = spans.get(0);
      assertThat(server.kind()).isEqualTo("SERVER");
      assertThat(server.statusCode()).isEqualTo("ERROR");
      assertThat(server.attributes())
          .containsEntry("http.response.status_code", "500")
          .containsEntry("error.type", "java.lang.IllegalStateException");
      assertThat(server.firstExceptionEvent())
          .containsEntry("exception.type", "java.lang.IllegalStateException")
          .containsEntry("exception.message", "demo failure");

      // The service goes on serving.
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
    }
  }

  /** An async request's SERVER span ends when the response is complete, not when service() returns. */
  @Test
  void asyncRequestSpanEndsWithTheResponse() throws Exception {
    String service = "async";
    try (DemoService demo = DemoService.start(
        Jdk.current(), DemoService.withAgent(DemoService.otlpSettings(receiver, service)), Map.of())) {
      HttpResponse<String> response = demo.get("/async");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("async done");
      ReceivedSpan server = receiver.await(
          s -> s.serviceName().equals(service) && s.name().equals("GET /async"), 1, Duration.ofSeconds(30)).get(0);
      assertThat(server.durationMillis()).isGreaterThanOrEqualTo(290);
      assertThat(server.attributes()).containsEntry("http.response.status_code", "200");
      assertThat(server.statusCode()).isEqualTo("UNSET");
    }
  }

  @Test
  void wrongSettingsCostOneLineEachAndTheServiceStarts() throws Exception {
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, "bad-config"));
    settings.add("-Dotel.traces.sampler=sometimes");
    settings.add("-Dotel.bsp.max.queue.size=-5");
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(settings), Map.of())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
      String stderr = demo.process().stderr();
      assertThat(stderr.lines().filter(l -> l.contains("otel.traces.sampler=sometimes")))
          .singleElement().asString()
          .startsWith("[baton] WARN")
          .contains("accepted: always_on, always_off, traceidratio")
          .contains("using parentbased_always_on");
      assertThat(stderr.lines().filter(l -> l.contains("otel.bsp.max.queue.size=-5"))).hasSize(1);
      // The defaults took over: spans are still sampled and exported.
      receiver.await(s -> s.serviceName().equals("bad-config"), 3, Duration.ofSeconds(30));
    }
  }

  @Test
  void disabledAgentDoesNothing() throws Exception {
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, "disabled"));
    settings.add("-Dotel.javaagent.enabled=false");
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(settings), Map.of())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
      assertThat(demo.process().stderr()).contains("[baton] INFO disabled by otel.javaagent.enabled=false");
      Thread.sleep(500);
      assertThat(receiver.spans()).noneMatch(s -> s.serviceName().equals("disabled"));
    }
  }

  @Test
  void deadBackendDoesNotDisturbTheService() throws Exception {
    int deadPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    List<String> settings = List.of(
        "-Dotel.traces.exporter=otlp,zipkin",
        "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + deadPort,
        "-Dotel.exporter.zipkin.endpoint=http://127.0.0.1:" + deadPort + "/api/v2/spans",
        "-Dotel.bsp.schedule.delay=50");
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(settings), Map.of())) {
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> response = demo.get("/hello");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello; downstream said: 200 downstream ok");
      }
      assertThat(demo.process().isAlive()).isTrue();
    }
  }

  /** Export over Zipkin uses the JDK HttpClient, which the agent instruments: it must stay untraced. */
  @Test
  void exporterTrafficIsNeverTraced() throws Exception {
    String service = "exporter-traffic";
    List<String> settings = List.of(
        "-Dotel.service.name=" + service,
        "-Dotel.traces.exporter=otlp,zipkin",
        "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
        "-Dotel.exporter.zipkin.endpoint=" + receiver.endpoint() + "/api/v2/spans",
        "-Dotel.bsp.schedule.delay=50");
    try (DemoService demo = DemoService.start(Jdk.current(), DemoService.withAgent(settings), Map.of())) {
      for (int i = 0; i < 3; i++) {
        assertThat(demo.get("/hello").statusCode()).isEqualTo(200);
        Thread.sleep(200);
      }
      // 3 requests x (SERVER /hello, CLIENT, SERVER /downstream) and nothing else
      receiver.await(s -> s.serviceName().equals(service), 9, Duration.ofSeconds(30));
      Thread.sleep(1000);
      List<ReceivedSpan> all = receiver.spans().stream().filter(s -> s.serviceName().equals(service)).toList();
      assertThat(all).hasSize(9);
      assertThat(all).noneMatch(s -> String.valueOf(s.attribute("url.full")).contains("/api/v2/spans"));
      assertThat(receiver.zipkinBodies()).isNotEmpty();
      assertThat(receiver.exportHeaders()).allSatisfy(headers ->
          assertThat(headers.keySet()).noneMatch(h -> h.equalsIgnoreCase("traceparent")));
      assertThat(all).filteredOn(s -> s.kind().equals("CLIENT")).hasSize(3)
          .allSatisfy(s -> assertThat(s.attribute("url.full")).endsWith("/downstream?from=demo"));
    }
  }
}
