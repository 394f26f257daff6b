package dev.baton.librarytest.kafka;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A small Spring Boot application whose {@code @KafkaListener}s (one per record, one per batch)
 * call WireMock: Spring's listener container polls and iterates, and the traces have the same
 * shapes as with the client used directly.
 */
class SpringKafkaListenerTest extends KafkaTestBase {

  static final String RECORD_TOPIC = topic();
  static final String BATCH_TOPIC = topic();
  static ConfigurableApplicationContext application;

  @SpringBootApplication
  static class ListenerApplication {

    @KafkaListener(id = "records", topics = "${test.record-topic}")
    void onRecord(ConsumerRecord<String, String> record) {
      call("/spring/record/" + record.value());
    }

    @KafkaListener(id = "batch", batch = "true", topics = "${test.batch-topic}")
    void onBatch(List<ConsumerRecord<String, String>> records) {
      call("/spring/batch/" + records.size());
    }
  }

  @BeforeAll
  static void startApplication() {
    SpringApplication spring = new SpringApplication(ListenerApplication.class);
    spring.setDefaultProperties(Map.of(
        "spring.main.web-application-type", "none",
        "spring.main.banner-mode", "off",
        "spring.kafka.bootstrap-servers", bootstrapServers(),
        "spring.kafka.consumer.group-id", "spring-listeners",
        "spring.kafka.consumer.auto-offset-reset", "earliest",
        "spring.kafka.listener.missing-topics-fatal", "false",
        "test.record-topic", RECORD_TOPIC,
        "test.batch-topic", BATCH_TOPIC));
    application = spring.run();
  }

  @AfterAll
  static void stopApplication() {
    if (application != null) {
      application.close();
    }
  }

  static void awaitCalls(String path, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (downstream.findAll(anyRequestedFor(urlPathEqualTo(path))).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aRecordListenerProcessesEachRecordInItsProducersTrace() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      inRequest(() -> producer.send(new ProducerRecord<>(RECORD_TOPIC, "one")).get(30, TimeUnit.SECONDS),
          "traceparent", TRACEPARENT, "x-request-id", REQUEST_ID);
    }
    awaitCalls("/spring/record/one", 1);
    assertThat(onlyRequest("/spring/record/one").getHeader("x-request-id")).isEqualTo(REQUEST_ID);
    ReceivedSpan process = span(clientSpanOf("/spring/record/one").parentSpanId());
    ReceivedSpan send = only(receiver().awaitTrace(TRACE_ID, 4, WAIT), "PRODUCER", "send " + RECORD_TOPIC);
    assertThat(process.name()).isEqualTo("process " + RECORD_TOPIC);
    assertThat(process.parentSpanId()).isEqualTo(send.spanId());
    // Spring uses the listener's id as its group; the client id is the one Kafka generated.
    assertThat(process.attributes())
        .containsEntry("messaging.consumer.group.name", "records")
        .containsEntry("messaging.client.id", "consumer-records-1");
  }

  @Test
  void aBatchListenerRunsUnderTheReceiveSpanOfItsProducersTrace() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      inRequest(() -> {
        producer.send(new ProducerRecord<>(BATCH_TOPIC, "a"));
        producer.send(new ProducerRecord<>(BATCH_TOPIC, "b"));
        producer.flush();
      }, "traceparent", TRACEPARENT, "x-request-id", REQUEST_ID);
    }
    awaitCalls("/spring/batch/2", 1);
    assertThat(Traceparent.parse(onlyRequest("/spring/batch/2").getHeader("traceparent")).traceId()).isEqualTo(TRACE_ID);
    assertThat(onlyRequest("/spring/batch/2").getHeader("x-request-id")).isEqualTo(REQUEST_ID);
    ReceivedSpan poll = span(clientSpanOf("/spring/batch/2").parentSpanId());
    assertThat(poll.name()).isEqualTo("poll " + BATCH_TOPIC);
    assertThat(poll.links()).hasSize(2);
  }
}
