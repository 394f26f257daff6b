package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.testing.ReceivedSpan;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs with baton.messaging.process-parent=link (once, here: the setting is the shared layer's,
 * not the client version's): the consumer's work stays in its own trace, under the receive span,
 * and links to the producer; the record's mesh headers are still current while it is processed.
 */
class KafkaLinkModeTest extends KafkaTestBase {

  @Test
  void processSpansLinkToTheProducerInsteadOfContinuingItsTrace() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> producer = producer()) {
      inRequest(() -> producer.send(new ProducerRecord<>(topic, "v")).get(30, TimeUnit.SECONDS),
          "traceparent", TRACEPARENT, "x-request-id", REQUEST_ID);
    }
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      for (ConsumerRecord<String, String> record : pollRecords(consumer, 1)) {
        call("/linked");
      }
    }
    LoggedRequest linked = onlyRequest("/linked");
    assertThat(linked.getHeader("x-request-id")).isEqualTo(REQUEST_ID);

    ReceivedSpan send = only(receiver().awaitTrace(TRACE_ID, 2, WAIT), "PRODUCER", "send " + topic);
    ReceivedSpan process = span(clientSpanOf("/linked").parentSpanId());
    ReceivedSpan poll = span(process.parentSpanId());
    assertThat(process.name()).isEqualTo("process " + topic);
    assertThat(process.traceId()).as("the consumer's own trace").isNotEqualTo(TRACE_ID);
    assertThat(process.linksTo(send.spanId())).as("links %s", process.links()).isTrue();
    assertThat(poll.name()).isEqualTo("poll " + topic);
    assertThat(poll.isRoot()).isTrue();
    assertThat(poll.linksTo(send.spanId())).isTrue();
  }
}
