package dev.baton.librarytest.kafka;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.KafkaBroker;
import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.TracedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Kafka tests share: the module's one broker ({@link KafkaBroker#shared}, in its own
 * JVM), a WireMock downstream that record processing calls with the JDK's instrumented
 * HttpClient, and producers and consumers configured as an application would.
 */
@ExtendWith(AgentExtension.class)
abstract class KafkaTestBase {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String INBOUND_PARENT = "00f067aa0ba902b7";
  static final String TRACEPARENT = "00-" + TRACE_ID + "-" + INBOUND_PARENT + "-01";
  static final String REQUEST_ID = "0f3c9a1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
  static final String PRODUCER_ID = "producer-under-test";
  static final String CONSUMER_ID = "consumer-under-test";
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @RegisterExtension
  static final WireMockExtension downstream =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @BeforeEach
  void stubDownstream() {
    downstream.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
  }

  static OtlpReceiver receiver() {
    return AgentExtension.receiver();
  }

  static String topic() {
    return "topic-" + TOPICS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String bootstrapServers() {
    return KafkaBroker.shared().bootstrapServers();
  }

  static KafkaProducer<String, String> producer() {
    return producer(bootstrapServers(), new Properties());
  }

  static KafkaProducer<String, String> producer(String bootstrapServers, Properties extra) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("client.id", PRODUCER_ID);
    config.put("acks", "1");
    config.putAll(extra);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** A consumer of a group of its own, reading {@code topic}'s one partition from the start. */
  static KafkaConsumer<String, String> consumer(String topic) {
    Properties config = new Properties();
    config.put("bootstrap.servers", bootstrapServers());
    config.put("client.id", CONSUMER_ID);
    config.put("group.id", "group-" + topic);
    config.put("enable.auto.commit", "false");
    config.put("auto.offset.reset", "earliest");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    consumer.assign(List.of(new TopicPartition(topic, 0)));
    return consumer;
  }

  /** Polls until a poll returns records (at least {@code count}); does not iterate them. */
  static ConsumerRecords<String, String> pollRecords(KafkaConsumer<String, String> consumer, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
      if (!records.isEmpty()) {
        assertThat(records.count()).as("records returned by one poll").isEqualTo(count);
        return records;
      }
    }
    throw new AssertionError("no records within " + WAIT);
  }

  /** What a request handler does; may throw what the client throws. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /**
   * Runs {@code work} while a real instrumented servlet handles one request carrying {@code
   * headers} (name, value, ...): the way a test puts a send inside a SERVER span.
   */
  static void inRequest(Work work, String... headers) throws Exception {
    try (TracedServer server = TracedServer.start(request -> {
      work.run();
      return "done";
    })) {
      server.call(headers);
    }
  }

  /** A port on 127.0.0.1 that nothing listens on. */
  static int deadPort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** One GET to WireMock with the JDK's HttpClient, which the agent instruments. */
  static void call(String path) {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + downstream.getPort() + path)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = downstream.findAll(anyRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).as("requests to %s", path).hasSize(1);
    return requests.get(0);
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The single span with that name and kind among {@code spans}. */
  static ReceivedSpan only(List<ReceivedSpan> spans, String kind, String name) {
    List<ReceivedSpan> found = spans.stream()
        .filter(s -> s.kind().equals(kind) && s.name().equals(name)).toList();
    assertThat(found).as("%s spans named %s in %s", kind, name, spans).hasSize(1);
    return found.get(0);
  }

  /** The span with that id, once the agent exported it. */
  static ReceivedSpan span(String spanId) throws InterruptedException {
    return receiver().await(s -> s.spanId().equals(spanId), 1, WAIT).get(0);
  }

  /** The CLIENT span of the one call WireMock received on {@code path}. */
  static ReceivedSpan clientSpanOf(String path) throws InterruptedException {
    String parentId = dev.baton.testing.Traceparent.parse(onlyRequest(path).getHeader("traceparent")).parentId();
    ReceivedSpan client = span(parentId);
    assertThat(client.kind()).isEqualTo("CLIENT");
    return client;
  }
}
