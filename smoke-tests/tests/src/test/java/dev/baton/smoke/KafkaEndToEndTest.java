package dev.baton.smoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.baton.smoke.EndToEndTraceTest.assertNoAgentComplaints;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.KafkaBroker;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace crosses the broker: a request enters service A (the demo service's {@code /produce},
 * a servlet that sends a Kafka record), service B (the demo jar's {@code ConsumerService}, its
 * own JVM) consumes the record and calls WireMock. Both run with only the built agent jar
 * attached; the broker is a real KRaft broker in a third JVM, shared by every run of this class.
 */
class KafkaEndToEndTest extends WithReceiver {

  private static final String REQUEST_ID = "3e1f6a2c-5d0b-9d8e-8f3a-1b2c3d4e5f60";
  private static final Duration WAIT = Duration.ofSeconds(30);

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
    downstream.stubFor(get(urlPathEqualTo("/downstream"))
        .willReturn(aResponse().withStatus(200).withBody("stub ok")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void requestTraceContinuesThroughTheRecordIntoTheConsumersCalls(Jdk jdk) throws Exception {
    // Each run has its own topic and trace: the consumer group's offsets and the receiver's
    // spans of the other run cannot be mistaken for this one's.
    String topic = "orders-" + jdk;
    String traceId = randomHex(32);
    String inboundParent = randomHex(16);
    try (ServiceProcess consumer = DemoService.startConsumer(jdk,
            DemoService.withAgent(DemoService.otlpSettings(receiver, "consumer")), consumerEnv(topic));
        DemoService producer = DemoService.start(jdk,
            DemoService.withAgent(DemoService.otlpSettings(receiver, "producer")), producerEnv(topic))) {
      HttpResponse<String> response = producer.get("/produce",
          "traceparent", "00-" + traceId + "-" + inboundParent + "-01",
          "baggage", "tenant=acme",
          "x-request-id", REQUEST_ID);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).startsWith("sent to " + topic + "-0@");

      // What the consumer's call carried: the inbound trace, request id and baggage.
      LoggedRequest arrived = awaitOnlyDownstreamRequest(consumer);
      assertThat(arrived.getUrl()).isEqualTo("/downstream?from=consumer");
      Traceparent traceparent = Traceparent.parse(arrived.getHeader("traceparent"));
      assertThat(traceparent.traceId()).isEqualTo(traceId);
      assertThat(traceparent.parentId()).isNotEqualTo(inboundParent);
      assertThat(traceparent.sampled()).isTrue();
      assertThat(arrived.getHeader("x-request-id")).isEqualTo(REQUEST_ID);
      assertThat(arrived.getHeader("baggage")).contains("tenant=acme");

      // What the backend received: one trace across both services.
      receiver.awaitTrace(traceId, 5, WAIT);
      Thread.sleep(500); // anything exported late into this trace would show now
      List<ReceivedSpan> trace = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
      ReceivedSpan server = only(trace, "SERVER", "GET /produce");
      ReceivedSpan send = only(trace, "PRODUCER", "send " + topic);
      ReceivedSpan poll = only(trace, "CONSUMER", "poll " + topic);
      ReceivedSpan process = only(trace, "CONSUMER", "process " + topic);
      ReceivedSpan client = only(trace, "CLIENT", "GET");
      assertThat(trace).as("the whole trace").hasSize(5);

      assertThat(server.serviceName()).isEqualTo("producer");
      assertThat(server.parentSpanId()).as("SERVER continues the inbound trace").isEqualTo(inboundParent);
      assertThat(send.serviceName()).isEqualTo("producer");
      assertThat(send.parentSpanId()).as("PRODUCER is the request's child").isEqualTo(server.spanId());
      assertThat(send.attributes())
          .containsEntry("messaging.system", "kafka")
          .containsEntry("messaging.destination.name", topic)
          .containsEntry("messaging.kafka.message.key", "k")
          .containsEntry("messaging.client.id", "demo-producer");

      assertThat(process.serviceName()).isEqualTo("consumer");
      assertThat(process.parentSpanId()).as("process continues the producer's span").isEqualTo(send.spanId());
      assertThat(process.attributes())
          .containsEntry("messaging.consumer.group.name", "demo-consumers")
          .containsEntry("messaging.client.id", "demo-consumer");
      assertThat(poll.serviceName()).isEqualTo("consumer");
      assertThat(poll.linksTo(send.spanId())).as("the poll links to the producer").isTrue();

      assertThat(client.serviceName()).isEqualTo("consumer");
      assertThat(client.parentSpanId()).as("the consumer's call is made while processing").isEqualTo(process.spanId());
      assertThat(client.spanId()).as("the span WireMock saw as parent").isEqualTo(traceparent.parentId());
      assertThat(client.attributes())
          .containsEntry("url.full", downstreamUrl() + "/downstream?from=consumer")
          .containsEntry("http.response.status_code", "200");

      assertKafkaTraced(producer.process());
      assertKafkaTraced(consumer);
    }
  }

  /** Forward mode: the inbound headers ride through the record to the consumer's call byte for byte. */
  @Test
  void forwardModeCarriesTheInboundHeadersVerbatimAndExportsNothing() throws Exception {
    Jdk jdk = Jdk.current();
    String topic = "orders-forward";
    Map<String, String> inbound = new LinkedHashMap<>();
    inbound.put("traceparent", "00-" + randomHex(32) + "-" + randomHex(16) + "-01");
    inbound.put("baggage", "tenant = acme;prop, user=42");
    inbound.put("x-request-id", REQUEST_ID);
    try (ServiceProcess consumer = DemoService.startConsumer(jdk,
            DemoService.withAgent(forwardSettings("consumer-forward")), consumerEnv(topic));
        DemoService producer = DemoService.start(jdk,
            DemoService.withAgent(forwardSettings("producer-forward")), producerEnv(topic))) {
      List<String> headers = new ArrayList<>();
      inbound.forEach((name, value) -> {
        headers.add(name);
        headers.add(value);
      });
      HttpResponse<String> response = producer.get("/produce", headers.toArray(new String[0]));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

      LoggedRequest arrived = awaitOnlyDownstreamRequest(consumer);
      inbound.forEach((name, value) -> assertThat(arrived.getHeader(name)).as(name).isEqualTo(value));

      for (ServiceProcess service : List.of(producer.process(), consumer)) {
        assertThat(service.stderr()).contains("export none (forward mode)");
        assertNoAgentComplaints(service);
      }
      Thread.sleep(1000);
      assertThat(receiver.spans()).noneMatch(s -> s.serviceName().endsWith("-forward"));
    }
  }

  private static List<String> forwardSettings(String serviceName) {
    List<String> settings = new ArrayList<>(DemoService.otlpSettings(receiver, serviceName));
    settings.add("-Dbaton.mode=forward");
    settings.add("-Dotel.propagators=tracecontext,baggage");
    return settings;
  }

  private static Map<String, String> producerEnv(String topic) {
    return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "KAFKA_TOPIC", topic);
  }

  private static Map<String, String> consumerEnv(String topic) {
    return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "KAFKA_TOPIC", topic,
        "DOWNSTREAM_URL", downstreamUrl());
  }

  private static String downstreamUrl() {
    return "http://127.0.0.1:" + downstream.getPort();
  }

  /** The consumer calls WireMock on its own time: wait for that call, then make sure it stays the only one. */
  private static LoggedRequest awaitOnlyDownstreamRequest(ServiceProcess consumer) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (downstreamRequests().isEmpty()) {
      assertThat(System.nanoTime()).as("no call reached WireMock\n%s", consumer.describe()).isLessThan(deadline);
      Thread.sleep(100);
    }
    Thread.sleep(500);
    List<LoggedRequest> requests = downstreamRequests();
    assertThat(requests).as(consumer.describe()).hasSize(1);
    return requests.get(0);
  }

  private static List<LoggedRequest> downstreamRequests() {
    return downstream.findAll(getRequestedFor(urlPathEqualTo("/downstream")));
  }

  static ReceivedSpan only(List<ReceivedSpan> trace, String kind, String name) {
    List<ReceivedSpan> matching =
        trace.stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)).toList();
    assertThat(matching).as("%s spans named '%s' in %s", kind, name, trace).hasSize(1);
    return matching.get(0);
  }

  private static void assertKafkaTraced(ServiceProcess service) throws Exception {
    assertNoAgentComplaints(service);
    assertThat(service.stderr()).containsPattern("instrumentations \\[.*kafka-clients.*\\]");
  }

  static String randomHex(int digits) {
    StringBuilder hex = new StringBuilder(digits);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (hex.length() < digits) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return hex.toString();
  }
}
