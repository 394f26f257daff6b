package dev.baton.smoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.smoke.KafkaEndToEndTest.only;
import static dev.baton.smoke.KafkaEndToEndTest.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.EdgeRequest;
import dev.baton.testing.KafkaBroker;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ordinary Spring Boot application (smoke-tests/spring-app), repackaged by
 * spring-boot-maven-plugin and started with {@code java -javaagent:... -jar spring-app.jar}: Tomcat,
 * Spring MVC, RestClient on Apache HttpClient 5, HikariCP, the PostgreSQL driver and Kafka are all
 * loaded from nested jars (BOOT-INF/lib) by Spring Boot's launcher class loader. One edge request
 * must become one trace through the controller, the database, the broker and the listener.
 */
class SpringBootApplicationTest extends WithReceiver {

  private static final String REQUEST_ID = "5b7c1d2e-8f90-4a1b-9c2d-3e4f5a6b7c8d";
  private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Pattern ORDER_PLACED = Pattern.compile("order (\\d+) for sku-42 at 12.50");
  // Spring Boot starts in 10-20 s on an idle 2-core machine; on a loaded one it took 95 s.
  private static final Duration START = Duration.ofSeconds(240);
  private static final Duration WAIT = Duration.ofSeconds(30);
  // Spring Data JDBC quotes identifiers; the span names the table as the SQL writes it.
  private static final String TABLE = "\"spring_app_orders\"";

  @RegisterExtension
  static WireMockExtension downstream =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.shared();
  }

  @BeforeEach
  void stubDownstream() {
    downstream.resetAll();
    downstream.stubFor(get(urlPathMatching("/prices/.*")).willReturn(aResponse().withBody("12.50")));
    downstream.stubFor(get(urlPathEqualTo("/notify")).willReturn(aResponse().withStatus(204)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void edgeRequestBecomesOneTraceThroughControllerDatabaseKafkaAndListener(Jdk jdk) throws Exception {
    String topic = "spring-orders-" + jdk;
    String service = "spring-app-" + jdk;
    String traceId = randomHex(32);
    String edgeSpan = randomHex(16);
    try (ServiceProcess app = startApp(jdk, service, topic)) {
      int port = Integer.parseInt(app.awaitStdout(TOMCAT_STARTED, START));
      // the listener has joined its group: the record will not wait for a rebalance
      app.awaitStdout(Pattern.compile("partitions assigned: \\[" + topic + "-0\\]"), START);

      EdgeRequest.Response response = EdgeRequest.get(port, "/orders/sku-42",
          "x-request-id", REQUEST_ID,
          "traceparent", "00-" + traceId + "-" + edgeSpan + "-01",
          "baggage", "tenant=acme",
          "x-b3-traceid", traceId,
          "x-b3-spanid", edgeSpan,
          "x-b3-sampled", "1");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      Matcher order = ORDER_PLACED.matcher(response.body());
      assertThat(order.matches()).as(response.body()).isTrue();

      LoggedRequest priceCall = awaitStubCall("/prices/sku-42");
      LoggedRequest notifyCall = awaitStubCall("/notify?order=" + order.group(1));
      Thread.sleep(500); // a call too many would show now
      assertThat(downstream.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
      assertCarriesTheEdgesContext(priceCall, traceId);
      assertCarriesTheEdgesContext(notifyCall, traceId);

      receiver.awaitTrace(traceId, 10, WAIT);
      Map<String, ReceivedSpan> clients = assertTraceTree(traceId, edgeSpan, service, topic);
      assertThat(Traceparent.parse(priceCall.getHeader("traceparent")).parentId())
          .as("the span WireMock saw as parent").isEqualTo(clients.get("price").spanId());
      assertThat(Traceparent.parse(notifyCall.getHeader("traceparent")).parentId())
          .as("the span WireMock saw as parent").isEqualTo(clients.get("notify").spanId());
      assertStartedCleanly(app);
    }
  }

  private static ServiceProcess startApp(Jdk jdk, String service, String topic) throws Exception {
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, service));
    settings.add("-Dotel.propagators=tracecontext,baggage,b3multi");
    // C1 only and the serial collector: a quicker start for a short-lived service
    List<String> args = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    args.addAll(DemoService.withAgent(settings));
    args.addAll(List.of("-jar", Artifacts.springAppJar().toString()));
    return ServiceProcess.start(service, ServiceProcess.java(jdk, args), Map.of(
        "DOWNSTREAM_URL", "http://127.0.0.1:" + downstream.getPort(),
        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "KAFKA_TOPIC", topic));
  }

  /** The controller's price lookup, or the listener's notification, which comes when it comes. */
  private static LoggedRequest awaitStubCall(String url) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<LoggedRequest> calls = downstream.findAll(anyRequestedFor(urlEqualTo(url)));
      if (!calls.isEmpty()) {
        assertThat(calls).as(url).hasSize(1);
        return calls.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no call to " + url + " reached the stub; it got "
        + downstream.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl).toList());
  }

  private static void assertCarriesTheEdgesContext(LoggedRequest call, String traceId) {
    assertThat(call.getHeader("x-request-id")).as(call.getUrl()).isEqualTo(REQUEST_ID);
    assertThat(Traceparent.parse(call.getHeader("traceparent")).traceId()).as(call.getUrl()).isEqualTo(traceId);
    assertThat(call.getHeader("x-b3-traceid")).as(call.getUrl()).isEqualTo(traceId);
    assertThat(call.getHeader("baggage")).as(call.getUrl()).contains("tenant=acme");
  }

  /**
   * SERVER → CLIENT (price), INSERT, SELECT, PRODUCER → poll, process → CLIENT (notify), SELECT,
   * UPDATE: the ten spans of one trace, each with the right kind and parent.
   *
   * @return the two HTTP CLIENT spans, as "price" and "notify"
   */
  private static Map<String, ReceivedSpan> assertTraceTree(
      String traceId, String edgeSpan, String service, String topic) throws Exception {
    Thread.sleep(500); // anything exported late into this trace would show now
    List<ReceivedSpan> trace = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    assertThat(trace).extracting(ReceivedSpan::serviceName).containsOnly(service);

    // named after Spring MVC's handler pattern, not the DispatcherServlet's mapping ("/*")
    ReceivedSpan server = only(trace, "SERVER", "GET /orders/{id}");
    assertThat(server.parentSpanId()).as("SERVER continues the edge's span").isEqualTo(edgeSpan);
    assertThat(server.attributes())
        .containsEntry("http.route", "/orders/{id}")
        .containsEntry("url.path", "/orders/sku-42")
        .containsEntry("http.response.status_code", "200");

    List<ReceivedSpan> clients = trace.stream().filter(s -> s.kind().equals("CLIENT") && s.name().equals("GET")).toList();
    assertThat(clients).as("HTTP CLIENT spans").hasSize(2);
    ReceivedSpan price = clients.stream().filter(s -> s.attribute("url.full").contains("/prices/")).findFirst().orElseThrow();
    ReceivedSpan notify = clients.stream().filter(s -> s.attribute("url.full").contains("/notify")).findFirst().orElseThrow();
    assertThat(price.parentSpanId()).isEqualTo(server.spanId());
    assertThat(price.scopeName()).as("RestClient runs on HttpClient 5").isEqualTo("baton.apache-httpclient-5.0");

    ReceivedSpan insert = only(trace, "CLIENT", "INSERT " + TABLE);
    ReceivedSpan send = only(trace, "PRODUCER", "send " + topic);
    ReceivedSpan poll = only(trace, "CONSUMER", "poll " + topic);
    ReceivedSpan process = only(trace, "CONSUMER", "process " + topic);
    ReceivedSpan update = only(trace, "CLIENT", "UPDATE " + TABLE);
    List<ReceivedSpan> selects = trace.stream().filter(s -> s.name().equals("SELECT " + TABLE)).toList();
    assertThat(selects).hasSize(2);

    for (ReceivedSpan span : List.of(insert, selects.get(0), selects.get(1), update)) {
      assertThat(span.attributes()).as(span.name())
          .containsEntry("db.system.name", "postgresql")
          .containsEntry("db.namespace", "test")
          .containsEntry("db.collection.name", TABLE);
      assertThat(span.attribute("db.query.text")).as(span.name()).contains(TABLE).doesNotContain("sku-42")
          .doesNotContain("12.50");
    }
    assertThat(insert.parentSpanId()).isEqualTo(server.spanId());
    assertThat(send.parentSpanId()).isEqualTo(server.spanId());
    assertThat(process.parentSpanId()).as("process continues the producer's span").isEqualTo(send.spanId());
    assertThat(poll.parentSpanId()).as("a batch of one trace continues it").isEqualTo(send.spanId());
    assertThat(poll.linksTo(send.spanId())).isTrue();
    assertThat(notify.parentSpanId()).isEqualTo(process.spanId());
    assertThat(update.parentSpanId()).isEqualTo(process.spanId());
    assertThat(selects).extracting(ReceivedSpan::parentSpanId)
        .containsExactlyInAnyOrder(server.spanId(), process.spanId());
    assertThat(trace).as("the whole trace").hasSize(10);
    // Tomcat, HttpClient 5, HikariCP with the driver, and Kafka all came from BOOT-INF/lib
    assertThat(trace).extracting(ReceivedSpan::scopeName).contains("baton.servlet-5.0",
        "baton.apache-httpclient-5.0", "baton.jdbc", "baton.kafka-clients-2.0");
    return Map.of("price", price, "notify", notify);
  }

  private static void assertStartedCleanly(ServiceProcess app) throws Exception {
    assertThat(app.stdout()).contains("Started SpringApp in");
    String stderr = app.stderr();
    assertThat(stderr).contains("[baton] INFO Baton ")
        .containsPattern("instrumentations \\[.*servlet.*\\]")
        .containsPattern("instrumentations \\[.*apache-httpclient.*\\]")
        .containsPattern("instrumentations \\[.*jdbc.*\\]")
        .containsPattern("instrumentations \\[.*kafka-clients.*\\]");
    assertThat(stderr).doesNotContain("[baton] WARN").doesNotContain("[baton] ERROR");
  }
}
