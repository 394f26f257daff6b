package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A record produced while a request is handled continues that request's trace in the consumer:
 * SERVER → PRODUCER {@code send} → CONSUMER {@code process} → CLIENT, with the mesh headers
 * (baggage, {@code x-request-id}) carried through the record to the consumer's own calls.
 */
class KafkaTracingTest extends KafkaTestBase {

  static final KafkaProducer<String, String> PRODUCER = producer();

  @AfterAll
  static void closeProducer() {
    PRODUCER.close();
  }

  /** Sends inside a real SERVER span; the callback calls WireMock at {@code callbackPath}. */
  static void sendInRequest(String traceparent, String callbackPath, ProducerRecord<String, String> record)
      throws Exception {
    CountDownLatch acked = new CountDownLatch(1);
    inRequest(() -> PRODUCER.send(record, (metadata, error) -> {
      if (callbackPath != null) {
        call(callbackPath);
      }
      acked.countDown();
    }), "traceparent", traceparent, "baggage", "tenant=acme", "x-request-id", REQUEST_ID);
    assertThat(acked.await(30, TimeUnit.SECONDS)).as("acknowledged").isTrue();
  }

  @Test
  void aRecordSentInARequestIsProcessedInThatTrace() throws Exception {
    String topic = topic();
    sendInRequest(TRACEPARENT, "/callback", new ProducerRecord<>(topic, "key-1", "value-1"));

    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      ConsumerRecords<String, String> records = pollRecords(consumer, 1);
      for (ConsumerRecord<String, String> record : records) {
        assertThat(header(record, "x-request-id")).as("the mesh's request id, verbatim").isEqualTo(REQUEST_ID);
        assertThat(Traceparent.parse(header(record, "traceparent")).traceId()).isEqualTo(TRACE_ID);
        call("/process");
      }
    }

    LoggedRequest processed = onlyRequest("/process");
    assertThat(Traceparent.parse(processed.getHeader("traceparent")).traceId()).isEqualTo(TRACE_ID);
    assertThat(processed.getHeader("x-request-id")).isEqualTo(REQUEST_ID);
    assertThat(processed.getHeader("baggage")).isEqualTo("tenant=acme");

    List<ReceivedSpan> trace = receiver().awaitTrace(TRACE_ID, 6, WAIT);
    ReceivedSpan server = trace.stream().filter(s -> s.kind().equals("SERVER")).findFirst().orElseThrow();
    ReceivedSpan send = only(trace, "PRODUCER", "send " + topic);
    ReceivedSpan poll = only(trace, "CONSUMER", "poll " + topic);
    ReceivedSpan process = only(trace, "CONSUMER", "process " + topic);
    ReceivedSpan callbackCall = clientSpanOf("/callback");
    ReceivedSpan processCall = clientSpanOf("/process");

    assertThat(send.parentSpanId()).as("the PRODUCER's parent is the request").isEqualTo(server.spanId());
    assertThat(send.scopeName()).isEqualTo("baton.kafka-clients-2.0");
    assertThat(send.attributes())
        .containsEntry("messaging.system", "kafka")
        .containsEntry("messaging.operation.type", "send")
        .containsEntry("messaging.destination.name", topic)
        .containsEntry("messaging.kafka.message.key", "key-1")
        .containsEntry("messaging.destination.partition.id", "0")
        .containsEntry("messaging.kafka.message.offset", "0")
        .containsEntry("messaging.client.id", PRODUCER_ID);
    assertThat(send.statusCode()).isEqualTo("UNSET");
    assertThat(callbackCall.parentSpanId()).as("the callback runs in the sending context").isEqualTo(server.spanId());

    assertThat(process.parentSpanId()).as("process continues the producer's trace").isEqualTo(send.spanId());
    assertThat(process.attributes())
        .containsEntry("messaging.system", "kafka")
        .containsEntry("messaging.operation.type", "process")
        .containsEntry("messaging.destination.name", topic)
        .containsEntry("messaging.destination.partition.id", "0")
        .containsEntry("messaging.kafka.message.offset", "0")
        .containsEntry("messaging.kafka.message.key", "key-1")
        .containsEntry("messaging.consumer.group.name", "group-" + topic)
        .containsEntry("messaging.client.id", CONSUMER_ID);
    assertThat(processCall.parentSpanId()).as("calls made while processing").isEqualTo(process.spanId());

    assertThat(poll.linksTo(send.spanId())).as("the receive span links to the producer").isTrue();
    assertThat(poll.attributes())
        .containsEntry("messaging.operation.type", "receive")
        .containsEntry("messaging.batch.message_count", "1")
        .containsEntry("messaging.consumer.group.name", "group-" + topic);
  }

  @Test
  void recordsByTopicAndByPartitionAreEachProcessedInTheirOwnTrace() throws Exception {
    String topic = topic();
    String otherTrace = "0af7651916cd43dd8448eb211c80319c";
    sendInRequest(TRACEPARENT, null, new ProducerRecord<>(topic, "a", "a"));
    sendInRequest("00-" + otherTrace + "-b7ad6b7169203331-01", null, new ProducerRecord<>(topic, "b", "b"));

    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      ConsumerRecords<String, String> records = pollRecords(consumer, 2);
      for (ConsumerRecord<String, String> record : records.records(topic)) {
        call("/topic/" + record.value());
      }
      for (ConsumerRecord<String, String> record : records.records(new TopicPartition(topic, 0))) {
        call("/partition/" + record.value());
      }
    }

    for (String path : List.of("/topic/a", "/partition/a")) {
      assertThat(Traceparent.parse(onlyRequest(path).getHeader("traceparent")).traceId()).as(path).isEqualTo(TRACE_ID);
    }
    for (String path : List.of("/topic/b", "/partition/b")) {
      assertThat(Traceparent.parse(onlyRequest(path).getHeader("traceparent")).traceId()).as(path).isEqualTo(otherTrace);
    }
    ReceivedSpan sendA = only(receiver().awaitTrace(TRACE_ID, 5, WAIT), "PRODUCER", "send " + topic);
    for (String path : List.of("/topic/a", "/partition/a")) {
      ReceivedSpan process = span(clientSpanOf(path).parentSpanId());
      assertThat(process.name()).isEqualTo("process " + topic);
      assertThat(process.parentSpanId()).isEqualTo(sendA.spanId());
    }
    ReceivedSpan poll = receiver().await(s -> s.name().equals("poll " + topic), 1, WAIT).get(0);
    assertThat(poll.traceId()).as("two traces in one batch: the poll keeps its own").isNotIn(TRACE_ID, otherTrace);
    assertThat(poll.links()).hasSize(2);
  }

  @Test
  void aLoopLeftEarlyLeavesNothingCurrentAfterTheNextPoll() throws Exception {
    String topic = topic();
    for (int i = 0; i < 3; i++) {
      sendInRequest(TRACEPARENT, null, new ProducerRecord<>(topic, "k" + i, "v" + i));
    }
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      ConsumerRecords<String, String> records = pollRecords(consumer, 3);
      for (ConsumerRecord<String, String> record : records) {
        call("/first-record");
        break;
      }
      // Until the next poll the record's context is still the thread's.
      call("/after-break");
      consumer.poll(java.time.Duration.ofMillis(50));
      call("/after-next-poll");
    }
    ReceivedSpan process = span(clientSpanOf("/first-record").parentSpanId());
    assertThat(process.name()).isEqualTo("process " + topic);
    assertThat(clientSpanOf("/after-break").parentSpanId()).isEqualTo(process.spanId());
    ReceivedSpan afterPoll = clientSpanOf("/after-next-poll");
    assertThat(afterPoll.isRoot()).as("nothing of the batch is current after the next poll: %s", afterPoll).isTrue();
    assertThat(afterPoll.traceId()).isNotEqualTo(TRACE_ID);
  }

  @Test
  void aLoopLeftByAnExceptionLeavesNothingCurrentAfterClose() throws Exception {
    String topic = topic();
    sendInRequest(TRACEPARENT, null, new ProducerRecord<>(topic, "k", "v"));
    sendInRequest(TRACEPARENT, null, new ProducerRecord<>(topic, "k", "w"));
    KafkaConsumer<String, String> consumer = consumer(topic);
    List<String> seen = new ArrayList<>();
    try {
      for (ConsumerRecord<String, String> record : pollRecords(consumer, 2)) {
        seen.add(record.value());
        throw new IllegalStateException("the application gives up");
      }
    } catch (IllegalStateException expected) {
      consumer.close();
    }
    call("/after-close");
    assertThat(seen).containsExactly("v");
    ReceivedSpan afterClose = clientSpanOf("/after-close");
    assertThat(afterClose.isRoot()).as("nothing of the batch is current after close: %s", afterClose).isTrue();
    receiver().await(s -> s.name().equals("process " + topic), 1, WAIT);
  }

  @Test
  void aRecordSentTwiceGoesOutUntouchedTheSecondTime() throws Exception {
    String topic = topic();
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, "same", "same");
    record.headers().add("x-app", "1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    PRODUCER.send(record).get(30, TimeUnit.SECONDS);
    // Kafka made the headers read-only with the first send; the second must still succeed.
    PRODUCER.send(record).get(30, TimeUnit.SECONDS);

    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      pollRecords(consumer, 2).forEach(received::add);
      assertThat(received).extracting(r -> header(r, "x-app")).containsExactly("1", "1");
      assertThat(header(received.get(1), "traceparent")).isEqualTo(header(received.get(0), "traceparent"));
      assertThat(received.get(0).headers().headers("traceparent")).hasSize(1);
    }
    assertThat(receiver().await(s -> s.name().equals("send " + topic), 2, WAIT)).hasSize(2);
  }
}
