package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that bundles its own OpenTelemetry API and SDK, Byte Buddy and SLF4J 2 +
 * Logback, all of other versions than the agent's, runs unchanged with the agent attached, sees
 * its own classes, and its use of the OpenTelemetry API joins the agent's trace (API bridge).
 */
class IsolationTest extends WithReceiver {

  private static final String BRIDGE = "dev.baton.instrumentation.opentelemetryapi.ApplicationOpenTelemetry";

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void applicationSeesItsOwnLibraryVersions(Jdk jdk) throws Exception {
    String service = "conflict-" + jdk;
    List<String> command = ServiceProcess.java(jdk, DemoService.withAgent(List.of(
        "-Dotel.service.name=" + service,
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
        "-Dotel.bsp.schedule.delay=50",
        "-jar", Artifacts.conflictJar().toString())));
    try (ServiceProcess app = ServiceProcess.start(service, command, Map.of())) {
      assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.describe()).isEqualTo(0);
      String out = app.stdout();
      assertThat(out)
          .contains("CONFLICT-APP OK")
          .contains("otel.sdk.version=1.40.0")
          .contains("bytebuddy.version=1.14.18")
          .contains("bytebuddy.result=hello from bytebuddy")
          .contains("slf4j.binding=ch.qos.logback.classic.LoggerContext")
          .contains("app.spans.exported=2")
          .contains("APP-LOG INFO ConflictApp - logged through logback");
      assertThat(out).doesNotContain("otel.api.class.loader=null");
      String err = app.stderr();
      assertThat(err).contains("[baton] INFO Baton ");
      assertThat(err).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR").doesNotContain("SLF4J");

      assertBridged(printed(out), err, service);
    }
  }

  /**
   * The application's manual span is a child of the agent's SERVER span, the agent's CLIENT
   * spans are children of the application's spans (bridge and own SDK alike), all in one trace.
   */
  static void assertBridged(Map<String, String> printed, String stderr, String service) throws Exception {
    assertThat(printed).containsEntry("otel.global", BRIDGE)
        .containsEntry("bridge.response", "HTTP/1.1 200 ")
        .containsEntry("bridge.own.current.same", "true");
    assertThat(stderr).contains("the application called GlobalOpenTelemetry.set; the agent keeps the global");
    String traceId = printed.get("bridge.current.trace");
    // SERVER /work, manual-work, CLIENT and SERVER /downstream twice
    List<ReceivedSpan> trace = receiver.awaitTrace(traceId, 6, Duration.ofSeconds(30));
    assertThat(trace).allSatisfy(s -> assertThat(s.serviceName()).isEqualTo(service));

    ReceivedSpan server = only(trace, s -> s.kind().equals("SERVER") && s.name().contains("/work"));
    assertThat(server.spanId()).isEqualTo(printed.get("bridge.current.span"));
    assertThat(server.isRoot()).isTrue();

    ReceivedSpan manual = only(trace, s -> s.name().equals("manual-work"));
    assertThat(manual.parentSpanId()).isEqualTo(server.spanId());
    assertThat(manual.spanId()).isEqualTo(printed.get("bridge.manual.span"))
        .isEqualTo(printed.get("bridge.manual.current"));
    assertThat(manual.kind()).isEqualTo("INTERNAL");
    assertThat(manual.attributes()).containsEntry("app.attribute", "from the application");
    assertThat(manual.eventNames()).contains("manual-event", "exception");
    assertThat(manual.firstExceptionEvent()).containsEntry("exception.message", "recorded by the application");
    assertThat(manual.statusCode()).isEqualTo("ERROR");

    ReceivedSpan clientInManual = only(trace, s -> s.kind().equals("CLIENT") && s.parentSpanId().equals(manual.spanId()));
    assertThat(clientInManual.attributes().get("url.full")).endsWith("/downstream?from=manual");

    // The application's own SDK exported its span itself; the agent's CLIENT span is its child.
    assertThat(printed).containsEntry("bridge.own.trace", traceId)
        .containsEntry("bridge.own.parent", manual.spanId());
    ReceivedSpan clientInOwn = only(trace, s -> s.kind().equals("CLIENT") && s.parentSpanId().equals(printed.get("bridge.own.span")));
    assertThat(clientInOwn.attributes().get("url.full")).endsWith("/downstream?from=own-sdk");
    assertThat(trace).filteredOn(s -> s.name().equals("own-sdk-work")).isEmpty();
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, java.util.function.Predicate<ReceivedSpan> filter) {
    List<ReceivedSpan> matching = spans.stream().filter(filter).toList();
    assertThat(matching).as("in %s", spans).hasSize(1);
    return matching.get(0);
  }

  /** The app's {@code key=value} lines; a key printed twice keeps its last value. */
  static Map<String, String> printed(String stdout) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : stdout.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("APP-LOG")) {
        values.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    return values;
  }
}
