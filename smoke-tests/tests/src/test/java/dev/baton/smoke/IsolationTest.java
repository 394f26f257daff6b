package dev.baton.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applications that bundle their own OpenTelemetry API and SDK (1.40; 1.67, the newest), Byte
 * Buddy, ASM, SLF4J 2 + Logback or SLF4J 1.7 + Log4j2, OkHttp 3 or 4 and a Kafka client (2.8;
 * 4.1), all of other versions than the agent's or its tests', run unchanged with the agent
 * attached, see their own classes, and their use of the OpenTelemetry API joins the agent's
 * trace (API bridge).
 */
class IsolationTest extends WithReceiver {

  private static final String BRIDGE = "dev.baton.instrumentation.opentelemetryapi.ApplicationOpenTelemetry";

  /** conflict-app and conflict-app-new: the two halves of the library matrix. */
  record App(String name, java.nio.file.Path jar, Map<String, String> versions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Arguments> appsAndJdks() {
    List<App> apps = List.of(
        new App("conflict-app", Artifacts.conflictJar(), versions(
            "otel.sdk.version", "1.40.0", "bytebuddy.version", "1.14.18", "asm.newest.classfile", "V18",
            "slf4j.version", "2.0.16", "slf4j.binding", "ch.qos.logback.classic.LoggerContext",
            "okhttp.version", "3.12.13", "kafka.version", "2.8.2")),
        new App("conflict-app-new", Artifacts.conflictNewJar(), versions(
            "otel.sdk.version", "1.67.0", "bytebuddy.version", "1.17.8", "asm.newest.classfile", "V26",
            "slf4j.version", "1.7.36", "slf4j.binding", "org.apache.logging.slf4j.Log4jLoggerFactory",
            "okhttp.version", "4.11.0", "kafka.version", "4.1.1")));
    List<Arguments> arguments = new ArrayList<>();
    for (App app : apps) {
      for (Jdk jdk : Jdk.all()) {
        arguments.add(Arguments.of(app, jdk));
      }
    }
    return arguments;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("appsAndJdks")
  void applicationSeesItsOwnLibraryVersions(App application, Jdk jdk) throws Exception {
    String service = application.name() + "-" + jdk;
    try (ServiceProcess app = run(application, jdk, service, List.of(
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint(),
        "-Dotel.bsp.schedule.delay=50"))) {
      String out = app.stdout();
      Map<String, String> printed = printed(out);
      assertThat(printed).containsAllEntriesOf(application.versions())
          .containsEntry("bytebuddy.result", "hello from bytebuddy")
          .containsEntry("asm.result", "hello from asm")
          .containsEntry("kafka.send.no-broker", "org.apache.kafka.common.errors.TimeoutException")
          .containsEntry("bridge.okhttp.status", "200")
          .containsEntry("app.spans.exported", "2");
      assertThat(out).contains("APP-LOG INFO ConflictApp - logged through the application's logging");
      assertThat(out).doesNotContain("otel.api.class.loader=null");
      String err = app.stderr();
      assertThat(err).contains("[baton] INFO Baton ");
      assertThat(err).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR").doesNotContain("SLF4J");

      assertBridged(printed, err, service);
    }
  }

  /**
   * Without the bridge (forward mode; the bridge switched off) the application's API is its own:
   * its {@code GlobalOpenTelemetry.set} takes effect and its SDK records its manual spans.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"baton.mode=forward", "otel.instrumentation.opentelemetry-api.enabled=false"})
  void withoutTheBridgeTheApplicationKeepsItsOwnGlobal(String setting) throws Exception {
    App application = (App) appsAndJdks().get(0).get()[0];
    try (ServiceProcess app = run(application, Jdk.current(), "conflict-unbridged",
        List.of("-D" + setting, "-Dotel.traces.exporter=otlp", "-Dotel.exporter.otlp.endpoint=" + receiver.endpoint()))) {
      Map<String, String> printed = printed(app.stdout());
      assertThat(printed.get("otel.global")).doesNotStartWith("dev.baton");
      assertThat(printed).containsEntry("app.spans.exported", "3")
          .containsEntry("bridge.own.parent", printed.get("bridge.manual.span"))
          .containsEntry("bridge.current.span", "0000000000000000");
      assertThat(app.stderr()).doesNotContain("GlobalOpenTelemetry.set").doesNotContain("[baton] WARN");
    }
  }

  /** Runs the app to its end with the agent; it must report success. */
  private static ServiceProcess run(App application, Jdk jdk, String service, List<String> settings)
      throws Exception {
    List<String> args = new ArrayList<>(settings);
    args.add("-Dotel.service.name=" + service);
    args.addAll(List.of("-jar", application.jar().toString()));
    ServiceProcess app = ServiceProcess.start(service, ServiceProcess.java(jdk, DemoService.withAgent(args)), Map.of());
    try {
      assertThat(app.awaitExit(Duration.ofSeconds(120))).as(app.describe()).isEqualTo(0);
      assertThat(app.stdout()).as(app.describe()).contains("CONFLICT-APP OK");
      return app;
    } catch (Throwable t) {
      app.close();
      throw t;
    }
  }

  private static Map<String, String> versions(String... keysAndValues) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      versions.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return versions;
  }

  /**
   * The application's manual span is a child of the agent's SERVER span, the agent's CLIENT
   * spans are children of the application's spans (bridge and own SDK alike), all in one trace.
   */
  static void assertBridged(Map<String, String> printed, String stderr, String service) throws Exception {
    assertThat(printed).containsEntry("otel.global", BRIDGE)
        .containsEntry("bridge.response", "HTTP/1.1 200")
        .containsEntry("bridge.own.current.same", "true")
        // baggage: the agent's (from the request) seen by the application, the application's
        // sent on by the agent
        .containsEntry("bridge.baggage.inbound", "from-outside");
    assertThat(printed.get("bridge.downstream.baggage.okhttp")).contains("inbound=from-outside", "app.tenant=t1");
    assertThat(printed.get("bridge.downstream.baggage.manual")).contains("inbound=from-outside")
        .doesNotContain("app.tenant");
    assertThat(stderr).contains("the application called GlobalOpenTelemetry.set; the agent keeps the global");
    String traceId = printed.get("bridge.current.trace");
    // SERVER /work, manual-work, CLIENT and SERVER /downstream three times
    List<ReceivedSpan> trace = receiver.awaitTrace(traceId, 8, Duration.ofSeconds(30));
    assertThat(trace).as("the app has exited: everything is exported").hasSize(8);
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

    // java.net.http and the application's own OkHttp
    ReceivedSpan clientInManual = only(trace, s -> s.kind().equals("CLIENT") && s.parentSpanId().equals(manual.spanId())
        && s.attributes().getOrDefault("url.full", "").endsWith("/downstream?from=manual"));
    ReceivedSpan okhttpInManual = only(trace, s -> s.kind().equals("CLIENT") && s.parentSpanId().equals(manual.spanId())
        && s.attributes().getOrDefault("url.full", "").endsWith("/downstream?from=okhttp"));
    assertThat(List.of(clientInManual, okhttpInManual)).allSatisfy(client ->
        assertThat(trace).anyMatch(s -> s.kind().equals("SERVER") && s.parentSpanId().equals(client.spanId())));

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
