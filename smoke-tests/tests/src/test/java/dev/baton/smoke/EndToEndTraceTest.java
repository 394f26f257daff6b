package dev.baton.smoke;

import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first vertical slice, end to end: a request enters the demo service (a jakarta servlet on
 * Tomcat), which calls WireMock with java.net.http.HttpClient. The service runs in its own JVM
 * with only the built agent jar attached; the spans go to a real OTLP receiver.
 */
class EndToEndTraceTest extends WithReceiver {

  static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  static final String INBOUND_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String INBOUND_PARENT = "00f067aa0ba902b7";

  @RegisterExtension
  static WireMockExtension downstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();


  @BeforeEach
  void stubDownstream() {
    downstream.resetAll();
    downstream.stubFor(get(urlPathEqualTo("/downstream"))
        .willReturn(aResponse().withStatus(200).withBody("stub ok")));
  }

  static String downstreamUrl() {
    return "http://127.0.0.1:" + downstream.getPort();
  }

  private static Map<String, String> downstreamEnv() {
    return Map.of("DOWNSTREAM_URL", downstreamUrl());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void inboundTraceContinuesThroughServletAndHttpClient(Jdk jdk) throws Exception {
    String service = "e2e-" + jdk;
    try (DemoService demo = DemoService.start(
        jdk, DemoService.withAgent(DemoService.otlpSettings(receiver, service)), downstreamEnv())) {
      HttpResponse<String> response = demo.get("/hello",
          "traceparent", "00-" + INBOUND_TRACE + "-" + INBOUND_PARENT + "-01",
          "baggage", "tenant=acme,user.id=42",
          "x-request-id", "3e1f6a2c-5d0b-9d8e-8f3a-1b2c3d4e5f60");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello; downstream said: 200 stub ok");

      // What arrived downstream: same trace, a new parent, the baggage.
      LoggedRequest arrived = onlyDownstreamRequest();
      Matcher traceparent = TRACEPARENT.matcher(arrived.getHeader("traceparent"));
      assertThat(traceparent.matches()).as(arrived.getHeader("traceparent")).isTrue();
      assertThat(traceparent.group(1)).isEqualTo(INBOUND_TRACE);
      assertThat(traceparent.group(2)).isNotEqualTo(INBOUND_PARENT);
      assertThat(Integer.parseInt(traceparent.group(3), 16) & 1).as("sampled").isEqualTo(1);
      assertThat(arrived.getHeader("baggage")).contains("tenant=acme").contains("user.id=42");
      assertThat(arrived.getHeader("x-demo")).isEqualTo("1");
      assertThat(arrived.getHeader("x-request-id")).isEqualTo("3e1f6a2c-5d0b-9d8e-8f3a-1b2c3d4e5f60");

      // What the backend received: one trace, SERVER child of the inbound parent, CLIENT child of SERVER.
      List<ReceivedSpan> spans = receiver.await(
          s -> s.traceId().equals(INBOUND_TRACE) && s.serviceName().equals(service), 2, Duration.ofSeconds(30));
      Thread.sleep(300);
      assertThat(receiver.spans()).filteredOn(s -> s.serviceName().equals(service)).hasSize(2);
      ReceivedSpan server = only(spans, "SERVER");
      ReceivedSpan client = only(spans, "CLIENT");
      assertThat(server.serviceName()).isEqualTo(service);
      assertThat(server.parentSpanId()).isEqualTo(INBOUND_PARENT);
      assertThat(server.name()).isEqualTo("GET /hello");
      assertThat(server.attributes())
          .containsEntry("http.request.method", "GET")
          .containsEntry("url.path", "/hello")
          .containsEntry("url.scheme", "http")
          .containsEntry("http.route", "/hello")
          .containsEntry("http.response.status_code", "200")
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("server.port", Integer.toString(demoPort(demo)))
          .containsEntry("client.address", "127.0.0.1")
          .containsKey("user_agent.original");
      assertThat(server.statusCode()).isEqualTo("UNSET");

      assertThat(client.parentSpanId()).isEqualTo(server.spanId());
      assertThat(client.spanId()).isEqualTo(traceparent.group(2));
      assertThat(client.name()).isEqualTo("GET");
      assertThat(client.attributes())
          .containsEntry("http.request.method", "GET")
          .containsEntry("url.full", downstreamUrl() + "/downstream?from=demo")
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("server.port", Integer.toString(downstream.getPort()))
          .containsEntry("http.response.status_code", "200");

      assertNoAgentComplaints(demo.process());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void requestWithoutTraceHeadersStartsANewTrace(Jdk jdk) throws Exception {
    String service = "new-trace-" + jdk;
    try (DemoService demo = DemoService.start(
        jdk, DemoService.withAgent(DemoService.otlpSettings(receiver, service)), downstreamEnv())) {
      assertThat(demo.get("/hello").statusCode()).isEqualTo(200);

      Matcher traceparent = TRACEPARENT.matcher(onlyDownstreamRequest().getHeader("traceparent"));
      assertThat(traceparent.matches()).isTrue();
      String traceId = traceparent.group(1);
      assertThat(traceId).isNotEqualTo(INBOUND_TRACE).isNotEqualTo("0".repeat(32));

      List<ReceivedSpan> spans = receiver.awaitTrace(traceId, 2, Duration.ofSeconds(30));
      ReceivedSpan server = only(spans, "SERVER");
      assertThat(server.isRoot()).isTrue();
      assertThat(server.serviceName()).isEqualTo(service);
      assertThat(only(spans, "CLIENT").parentSpanId()).isEqualTo(server.spanId());
      assertNoAgentComplaints(demo.process());
    }
  }

  /** The container base-image way: the agent comes in through JAVA_TOOL_OPTIONS and OTEL_* variables. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void attachesThroughJavaToolOptions(Jdk jdk) throws Exception {
    String service = "tool-options-" + jdk;
    Map<String, String> env = Map.of(
        "DOWNSTREAM_URL", downstreamUrl(),
        "JAVA_TOOL_OPTIONS", "-javaagent:" + Artifacts.agentJar(),
        "OTEL_SERVICE_NAME", service,
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
        "OTEL_BSP_SCHEDULE_DELAY", "50");
    try (DemoService demo = DemoService.start(jdk, List.of(), env)) {
      assertThat(demo.get("/hello",
          "traceparent", "00-" + INBOUND_TRACE + "-" + INBOUND_PARENT + "-01").statusCode())
          .isEqualTo(200);
      List<ReceivedSpan> spans = receiver.await(
          s -> s.serviceName().equals(service), 2, Duration.ofSeconds(30));
      assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(INBOUND_TRACE);
      assertThat(demo.process().stderr()).contains("Picked up JAVA_TOOL_OPTIONS");
      assertNoAgentComplaints(demo.process());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void exportsOverOtlpGrpc(Jdk jdk) throws Exception {
    String service = "grpc-" + jdk;
    List<String> settings = List.of(
        "-Dotel.service.name=" + service,
        "-Dotel.exporter.otlp.protocol=grpc",
        "-Dotel.exporter.otlp.endpoint=" + receiver.grpcEndpoint(),
        "-Dotel.bsp.schedule.delay=50");
    try (DemoService demo = DemoService.start(jdk, DemoService.withAgent(settings), downstreamEnv())) {
      assertThat(demo.get("/hello",
          "traceparent", "00-" + INBOUND_TRACE + "-" + INBOUND_PARENT + "-01").statusCode())
          .isEqualTo(200);
      List<ReceivedSpan> spans = receiver.await(
          s -> s.serviceName().equals(service), 2, Duration.ofSeconds(30));
      assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(INBOUND_TRACE);
      assertThat(only(spans, "CLIENT").parentSpanId()).isEqualTo(only(spans, "SERVER").spanId());
      assertThat(demo.process().stderr()).contains("export otlp(grpc " + receiver.grpcEndpoint() + ")");
      assertNoAgentComplaints(demo.process());
    }
  }

  /** Forward mode: the inbound headers reach the downstream byte for byte, and nothing is exported. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void forwardModePassesHeadersVerbatimAndExportsNothing(Jdk jdk) throws Exception {
    String service = "forward-" + jdk;
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, service));
    settings.add("-Dbaton.mode=forward");
    settings.add("-Dotel.propagators=tracecontext,baggage,b3multi");
    settings.add("-Dbaton.propagation.forward-headers=istio");
    Map<String, String> inbound = new java.util.LinkedHashMap<>();
    inbound.put("traceparent", "00-" + INBOUND_TRACE + "-" + INBOUND_PARENT + "-01");
    inbound.put("tracestate", "vendor=opaque");
    inbound.put("baggage", "tenant = acme;prop, user=42");
    inbound.put("x-b3-traceid", INBOUND_TRACE);
    inbound.put("x-b3-spanid", INBOUND_PARENT);
    inbound.put("x-b3-parentspanid", "05e3ac9a4f6e3b90");
    inbound.put("x-b3-sampled", "1");
    inbound.put("x-request-id", "3e1f6a2c-5d0b-9d8e-8f3a-1b2c3d4e5f60");
    inbound.put("x-ot-span-context", "0000000000000001;0000000000000002;0000000000000000");
    try (DemoService demo = DemoService.start(jdk, DemoService.withAgent(settings), downstreamEnv())) {
      List<String> headers = new ArrayList<>();
      inbound.forEach((k, v) -> {
        headers.add(k);
        headers.add(v);
      });
      assertThat(demo.get("/hello", headers.toArray(new String[0])).statusCode()).isEqualTo(200);
      LoggedRequest arrived = onlyDownstreamRequest();
      inbound.forEach((name, value) -> assertThat(arrived.getHeader(name)).as(name).isEqualTo(value));
      assertThat(demo.process().stderr()).contains("forward mode").contains("export none (forward mode)");
      Thread.sleep(1000);
      assertThat(receiver.spans()).noneMatch(s -> s.serviceName().equals(service));
      assertNoAgentComplaints(demo.process());
    }
  }

  static ReceivedSpan only(List<ReceivedSpan> spans, String kind) {
    List<ReceivedSpan> ofKind = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (span.kind().equals(kind)) {
        ofKind.add(span);
      }
    }
    assertThat(ofKind).as("%s spans in %s", kind, spans).hasSize(1);
    return ofKind.get(0);
  }

  static LoggedRequest onlyDownstreamRequest() {
    List<LoggedRequest> requests = downstream.findAll(getRequestedFor(urlPathEqualTo("/downstream")));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static int demoPort(DemoService demo) throws Exception {
    Matcher matcher = Pattern.compile("port=(\\d+)").matcher(demo.process().stdout());
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** The agent started, and neither a transformation nor any advice failed. */
  static void assertNoAgentComplaints(ServiceProcess process) throws Exception {
    String stderr = process.stderr();
    assertThat(stderr).contains("[baton] INFO Baton ").containsPattern("instrumentations \\[.*servlet.*\\]")
        .containsPattern("instrumentations \\[.*java-http-client.*\\]");
    assertThat(stderr).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR");
  }
}
