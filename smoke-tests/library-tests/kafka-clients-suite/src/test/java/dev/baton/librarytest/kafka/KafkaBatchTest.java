package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.ReceivedSpan;
import dev.baton.testing.Traceparent;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An application that hands the whole batch to its own code, without iterating it record by
 * record: its work runs under the receive span, which continues the producers' trace when every
 * record carries the same one and otherwise stays in the consumer's trace, linked to each.
 * Nothing of it is current after the next poll.
 */
class KafkaBatchTest extends KafkaTestBase {

  static final KafkaProducer<String, String> PRODUCER = producer();

  @AfterAll
  static void closeProducer() {
    PRODUCER.close();
  }

  /** Sends {@code values} to {@code topic} while handling one request with {@code traceparent}. */
  static void sendInRequest(String traceparent, String topic, String... values) throws Exception {
    inRequest(() -> {
      for (String value : values) {
        PRODUCER.send(new ProducerRecord<>(topic, value));
      }
      PRODUCER.flush();
    }, "traceparent", traceparent, "x-request-id", REQUEST_ID);
  }

  @Test
  void aBatchFromOneTraceIsProcessedInThatTrace() throws Exception {
    String topic = topic();
    sendInRequest(TRACEPARENT, topic, "a", "b");
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      pollRecords(consumer, 2);
      call("/batch");
      consumer.poll(Duration.ofMillis(50));
      call("/after-batch");
    }
    LoggedRequest batchCall = onlyRequest("/batch");
    assertThat(Traceparent.parse(batchCall.getHeader("traceparent")).traceId()).isEqualTo(TRACE_ID);
    assertThat(batchCall.getHeader("x-request-id")).isEqualTo(REQUEST_ID);

    List<ReceivedSpan> trace = receiver().awaitTrace(TRACE_ID, 5, WAIT);
    List<ReceivedSpan> sends = trace.stream().filter(s -> s.kind().equals("PRODUCER")).toList();
    assertThat(sends).hasSize(2);
    ReceivedSpan poll = only(trace, "CONSUMER", "poll " + topic);
    assertThat(clientSpanOf("/batch").parentSpanId()).as("batch work runs under the receive span").isEqualTo(poll.spanId());
    assertThat(poll.parentSpanId()).as("the receive continues the producers' trace").isIn(sends.get(0).spanId(), sends.get(1).spanId());
    assertThat(poll.linksTo(sends.get(0).spanId()) && poll.linksTo(sends.get(1).spanId())).isTrue();
    assertThat(poll.attributes()).containsEntry("messaging.batch.message_count", "2");
    assertThat(clientSpanOf("/after-batch").isRoot()).as("nothing left after the next poll").isTrue();
  }

  @Test
  void aBatchFromSeveralTracesLinksToEach() throws Exception {
    String topic = topic();
    String otherTrace = "0af7651916cd43dd8448eb211c80319c";
    sendInRequest(TRACEPARENT, topic, "a");
    sendInRequest("00-" + otherTrace + "-b7ad6b7169203331-01", topic, "b");
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      pollRecords(consumer, 2);
      call("/mixed-batch");
    }
    ReceivedSpan batchCall = clientSpanOf("/mixed-batch");
    assertThat(batchCall.traceId()).isNotIn(TRACE_ID, otherTrace);
    ReceivedSpan poll = span(batchCall.parentSpanId());
    assertThat(poll.name()).isEqualTo("poll " + topic);
    assertThat(poll.isRoot()).isTrue();
    ReceivedSpan sendA = only(receiver().awaitTrace(TRACE_ID, 2, WAIT), "PRODUCER", "send " + topic);
    ReceivedSpan sendB = only(receiver().awaitTrace(otherTrace, 2, WAIT), "PRODUCER", "send " + topic);
    assertThat(poll.linksTo(sendA.spanId()) && poll.linksTo(sendB.spanId())).as("links to %s", poll.links()).isTrue();
  }
}
