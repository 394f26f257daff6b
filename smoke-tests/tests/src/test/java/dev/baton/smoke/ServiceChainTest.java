package dev.baton.smoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.smoke.EndToEndTraceTest.assertNoAgentComplaints;
import static dev.baton.smoke.KafkaEndToEndTest.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.EdgeRequest;
import dev.baton.testing.FailureDiagnostics;
import dev.baton.testing.KafkaBroker;
import dev.baton.testing.Postgres;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.SpanTree;
import dev.baton.testing.Traceparent;
import dev.baton.testing.ZipkinServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mesh-shaped chain of real services, each in its own JVM with only the agent jar attached and
 * no tracing code ({@code smoke-tests/chain}): an edge request with mesh headers → A (jakarta
 * servlet, Tomcat 11) → java.net.http → B (javax servlet, Undertow 2.2) → Kafka record → C (poll
 * loop) → HikariCP → PostgreSQL; A (OkHttp 4, from a thread pool), B (Apache HttpClient 5) and C
 * (HttpURLConnection) each also call the WireMock stub.
 *
 * <p>The matrix, four runs of about half a minute each on two cores instead of every combination:
 * each JDK runs once with each start method, once in each mode, and each exporter runs once.
 * <ul>
 *   <li>trace mode: (JDK 17, {@code -javaagent}, OTLP to the test receiver) and (Temurin 25,
 *       {@code JAVA_TOOL_OPTIONS}, Zipkin to a real Zipkin server, read back through its query API);
 *   <li>forward mode: (JDK 17, {@code JAVA_TOOL_OPTIONS}) and (Temurin 25, {@code -javaagent}).
 * </ul>
 * The broker, Zipkin and the database are the run's shared ones. (Starting Zipkin in the
 * background while the other runs go on was tried: on two cores it only slowed them down.)
 */
class ServiceChainTest extends WithReceiver {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String PROPAGATORS = "tracecontext,baggage,b3multi";
  /** Spans of one edge request: A 3 (SERVER, two CLIENTs), B 3 (SERVER, PRODUCER, CLIENT), C 4 (poll, process, JDBC, CLIENT). */
  private static final int TRACE_SIZE = 10;

  enum Exporter { OTLP, ZIPKIN }

  @RegisterExtension
  static WireMockExtension stub = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  static KafkaBroker broker;

  @BeforeAll
  static void sharedBackends() throws Exception {
    try (Connection reachable = Postgres.connect()) {
      // the services write to it; the test reads their rows back
    }
    broker = KafkaBroker.shared();
  }

  @BeforeEach
  void stubDownstream() {
    stub.resetAll();
    for (String path : List.of("/pricing", "/inventory", "/notify")) {
      stub.stubFor(get(urlPathEqualTo(path))
          .willReturn(aResponse().withStatus(200).withBody(path.substring(1) + " ok")));
    }
  }

  static Stream<Arguments> traceRuns() {
    List<Jdk> jdks = Jdk.all();
    return Stream.of(
        Arguments.of(jdks.get(0), AgentAttach.COMMAND_LINE, Exporter.OTLP),
        Arguments.of(jdks.get(1), AgentAttach.JAVA_TOOL_OPTIONS, Exporter.ZIPKIN));
  }

  static Stream<Arguments> forwardRuns() {
    List<Jdk> jdks = Jdk.all();
    return Stream.of(
        Arguments.of(jdks.get(0), AgentAttach.JAVA_TOOL_OPTIONS),
        Arguments.of(jdks.get(1), AgentAttach.COMMAND_LINE));
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("traceRuns")
  void oneTraceFromTheEdgeThroughKafkaIntoTheDatabase(Jdk jdk, AgentAttach attach, Exporter exporter)
      throws Exception {
    String topic = "chain-trace-" + jdk;
    String traceId = randomHex(32);
    String edgeParent = randomHex(16);
    String requestId = UUID.randomUUID().toString();
    String order = "order-" + randomHex(8);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("otel.propagators", PROPAGATORS);
    settings.put("otel.bsp.schedule.delay", "50");
    ZipkinServer zipkin = null;
    if (exporter == Exporter.ZIPKIN) {
      zipkin = ZipkinServer.shared();
      settings.put("otel.traces.exporter", "zipkin");
      settings.put("otel.exporter.zipkin.endpoint", zipkin.spansEndpoint());
      ZipkinServer queried = zipkin;
      FailureDiagnostics.watchSpans("Zipkin (trace " + traceId + ")", () -> queried.trace(traceId));
    } else {
      settings.put("otel.traces.exporter", "otlp");
      settings.put("otel.exporter.otlp.protocol", "http/protobuf");
      settings.put("otel.exporter.otlp.endpoint", receiver.endpoint());
    }

    try (ServiceChain chain = ServiceChain.start(jdk, attach, settings, stubUrl(), broker.bootstrapServers(), topic)) {
      EdgeRequest.Response response = EdgeRequest.get(chain.edgePort(), "/orders?id=" + order,
          "x-request-id", requestId,
          "traceparent", "00-" + traceId + "-" + edgeParent + "-01",
          "x-b3-traceid", traceId,
          "x-b3-spanid", edgeParent,
          "x-b3-sampled", "1",
          "baggage", "tenant=acme,user.id=42");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("b said 200").contains("pricing said 200 pricing ok");

      // What the stub received from every hop: the edge's request id, trace and baggage.
      Map<String, LoggedRequest> calls = awaitStubCalls();
      calls.forEach((path, call) -> {
        assertThat(call.getHeader("x-request-id")).as(path).isEqualTo(requestId);
        assertThat(Traceparent.parse(call.getHeader("traceparent")).traceId()).as(path).isEqualTo(traceId);
        assertThat(call.getHeader("x-b3-traceid")).as(path).isEqualTo(traceId);
        assertThat(call.getHeader("x-b3-spanid")).as("%s: B3 names the same parent as traceparent", path)
            .isEqualTo(Traceparent.parse(call.getHeader("traceparent")).parentId());
        assertThat(call.getHeader("baggage")).as(path).contains("tenant=acme").contains("user.id=42");
      });
      assertThat(writtenRows(order)).as("rows C wrote for %s", order).isEqualTo(1);

      // What the backend holds: one trace, the right tree.
      List<ReceivedSpan> trace = exporter == Exporter.ZIPKIN
          ? zipkin.awaitTrace(traceId, TRACE_SIZE, WAIT)
          : receiver.awaitTrace(traceId, TRACE_SIZE, WAIT);
      Thread.sleep(500); // a span exported late into this trace would show now
      trace = exporter == Exporter.ZIPKIN ? zipkin.trace(traceId)
          : receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
      assertThat(trace).as("the whole trace:\n%s", SpanTree.render(trace)).hasSize(TRACE_SIZE);
      assertTree(new Trace(trace), edgeParent, topic, order, calls, exporter);

      for (ServiceProcess service : chain.services()) {
        assertNoAgentComplaints(service);
        if (attach == AgentAttach.JAVA_TOOL_OPTIONS) {
          assertThat(service.stderr()).contains("Picked up JAVA_TOOL_OPTIONS");
        }
      }
    }
  }

  /** Forward mode: every header the edge sent arrives byte for byte from every hop, through Kafka too. */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("forwardRuns")
  void forwardModeCarriesTheEdgeHeadersVerbatimThroughEveryHop(Jdk jdk, AgentAttach attach) throws Exception {
    String topic = "chain-forward-" + jdk;
    String traceId = randomHex(32);
    Map<String, String> edge = new LinkedHashMap<>();
    edge.put("x-request-id", UUID.randomUUID().toString());
    edge.put("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01");
    edge.put("tracestate", "mesh=opaque");
    edge.put("x-b3-traceid", traceId);
    edge.put("x-b3-spanid", randomHex(16));
    edge.put("x-b3-parentspanid", randomHex(16));
    edge.put("x-b3-sampled", "1");
    edge.put("baggage", "tenant = acme;prop, user=42");
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("baton.mode", "forward");
    settings.put("otel.propagators", PROPAGATORS);
    settings.put("otel.exporter.otlp.endpoint", receiver.endpoint());
    settings.put("otel.bsp.schedule.delay", "50");

    try (ServiceChain chain = ServiceChain.start(jdk, attach, settings, stubUrl(), broker.bootstrapServers(), topic)) {
      List<String> headers = new ArrayList<>();
      edge.forEach((name, value) -> {
        headers.add(name);
        headers.add(value);
      });
      String order = "order-" + randomHex(8);
      EdgeRequest.Response response =
          EdgeRequest.get(chain.edgePort(), "/orders?id=" + order, headers.toArray(new String[0]));
      assertThat(response.status()).as(response.body()).isEqualTo(200);

      awaitStubCalls().forEach((path, call) ->
          edge.forEach((name, value) -> assertThat(call.getHeader(name)).as("%s from %s", name, path).isEqualTo(value)));
      assertThat(writtenRows(order)).isEqualTo(1);

      for (ServiceProcess service : chain.services()) {
        assertThat(service.stderr()).contains("export none (forward mode)");
        assertNoAgentComplaints(service);
      }
      Thread.sleep(1000);
      assertThat(receiver.spans()).noneMatch(span -> span.traceId().equals(traceId));
    }
  }

  private static void assertTree(Trace trace, String edgeParent, String topic, String order,
      Map<String, LoggedRequest> calls, Exporter exporter) {
    ReceivedSpan aServer = trace.one("service-a", "SERVER", "GET /orders");
    assertThat(aServer.parentSpanId()).as("A continues the edge's trace").isEqualTo(edgeParent);
    assertThat(aServer.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.route", "/orders")
        .containsEntry("url.path", "/orders")
        .containsEntry("http.response.status_code", "200");

    ReceivedSpan aToB = trace.one("service-a", "CLIENT", urlContains("/reserve?id=" + order));
    ReceivedSpan aPricing = trace.one("service-a", "CLIENT", urlContains(stubUrl() + "/pricing?id=" + order));
    assertThat(aToB.parentSpanId()).isEqualTo(aServer.spanId());
    assertThat(aPricing.parentSpanId()).as("the pooled OkHttp call is A's request's child").isEqualTo(aServer.spanId());
    for (ReceivedSpan client : List.of(aToB, aPricing)) {
      assertThat(client.attributes())
          .containsEntry("http.request.method", "GET")
          .containsEntry("server.address", "127.0.0.1")
          .containsEntry("http.response.status_code", "200");
    }

    ReceivedSpan bServer = trace.one("service-b", "SERVER", "GET /reserve");
    assertThat(bServer.parentSpanId()).as("B's request is A's call").isEqualTo(aToB.spanId());
    assertThat(bServer.attributes()).containsEntry("http.route", "/reserve").containsEntry("http.request.method", "GET");
    ReceivedSpan bSend = trace.one("service-b", "PRODUCER", "send " + topic);
    assertThat(bSend.parentSpanId()).isEqualTo(bServer.spanId());
    assertThat(bSend.attributes())
        .containsEntry("messaging.system", "kafka")
        .containsEntry("messaging.destination.name", topic)
        .containsEntry("messaging.kafka.message.key", order);
    ReceivedSpan bInventory = trace.one("service-b", "CLIENT", urlContains(stubUrl() + "/inventory?id=" + order));
    assertThat(bInventory.parentSpanId()).isEqualTo(bServer.spanId());

    ReceivedSpan cProcess = trace.one("service-c", "CONSUMER", "process " + topic);
    assertThat(cProcess.parentSpanId()).as("C's processing continues B's send").isEqualTo(bSend.spanId());
    assertThat(cProcess.attributes())
        .containsEntry("messaging.destination.name", topic)
        .containsEntry("messaging.consumer.group.name", topic);
    ReceivedSpan cPoll = trace.one("service-c", "CONSUMER", "poll " + topic);
    if (exporter == Exporter.OTLP) { // Zipkin has no links
      assertThat(cPoll.linksTo(bSend.spanId())).as("the poll links to B's send").isTrue();
    }
    ReceivedSpan cInsert = trace.one("service-c", "CLIENT", "INSERT " + "chain_orders");
    assertThat(cInsert.parentSpanId()).isEqualTo(cProcess.spanId());
    assertThat(cInsert.attributes())
        .containsEntry("db.system.name", "postgresql")
        .containsEntry("db.namespace", "test")
        .containsEntry("db.operation.name", "INSERT")
        .containsEntry("db.collection.name", "chain_orders")
        .containsEntry("db.query.text", "INSERT INTO chain_orders (order_id, state, quantity) VALUES (?, ?, ?)")
        .containsEntry("server.address", "127.0.0.1");
    ReceivedSpan cNotify = trace.one("service-c", "CLIENT", urlContains(stubUrl() + "/notify?id=" + order));
    assertThat(cNotify.parentSpanId()).isEqualTo(cProcess.spanId());

    // The parent each stub call announced is the CLIENT span that made it.
    assertThat(Traceparent.parse(calls.get("/pricing").getHeader("traceparent")).parentId()).isEqualTo(aPricing.spanId());
    assertThat(Traceparent.parse(calls.get("/inventory").getHeader("traceparent")).parentId()).isEqualTo(bInventory.spanId());
    assertThat(Traceparent.parse(calls.get("/notify").getHeader("traceparent")).parentId()).isEqualTo(cNotify.spanId());
  }

  /** A trace as exported, looked up by service, kind and name (case-insensitive: Zipkin lower-cases names). */
  private record Trace(List<ReceivedSpan> spans) {

    ReceivedSpan one(String service, String kind, String name) {
      return one(service, kind, named(name), "named '" + name + "'");
    }

    ReceivedSpan one(String service, String kind, Predicate<ReceivedSpan> which) {
      return one(service, kind, which, "matching");
    }

    private ReceivedSpan one(String service, String kind, Predicate<ReceivedSpan> which, String description) {
      List<ReceivedSpan> matching = spans.stream()
          .filter(span -> span.serviceName().equals(service) && span.kind().equals(kind) && which.test(span))
          .toList();
      assertThat(matching).as("%s %s spans %s in\n%s", service, kind, description, SpanTree.render(spans)).hasSize(1);
      return matching.get(0);
    }

    private static Predicate<ReceivedSpan> named(String name) {
      return span -> span.name().equalsIgnoreCase(name);
    }
  }

  private static Predicate<ReceivedSpan> urlContains(String part) {
    return span -> span.attribute("url.full") != null && span.attribute("url.full").contains(part);
  }

  /** The three stub calls (A's pricing, B's inventory, C's notify, which comes through Kafka), by path. */
  private static Map<String, LoggedRequest> awaitStubCalls() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<LoggedRequest> requests = stub.findAll(anyRequestedFor(anyUrl()));
    while (requests.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      requests = stub.findAll(anyRequestedFor(anyUrl()));
    }
    Thread.sleep(300); // a duplicate call would show now
    requests = stub.findAll(anyRequestedFor(anyUrl()));
    Map<String, LoggedRequest> byPath = new LinkedHashMap<>();
    for (LoggedRequest request : requests) {
      String path = request.getUrl().replaceFirst("\\?.*", "");
      assertThat(byPath.put(path, request)).as("a second call to %s", path).isNull();
    }
    assertThat(byPath).as("the stub's calls").containsOnlyKeys("/pricing", "/inventory", "/notify");
    return byPath;
  }

  private static int writtenRows(String order) throws Exception {
    try (Connection connection = Postgres.connect();
        PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM chain_orders WHERE order_id = ?")) {
      count.setString(1, order);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static String stubUrl() {
    return "http://127.0.0.1:" + stub.getPort();
  }
}
