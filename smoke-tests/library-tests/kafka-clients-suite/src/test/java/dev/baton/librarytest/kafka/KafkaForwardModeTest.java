package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs with baton.mode=forward: no spans; the record carries the inbound trace headers and
 * forward-headers exactly as they arrived, and the consumer's calls made while processing it
 * send them on, byte for byte.
 */
class KafkaForwardModeTest extends KafkaTestBase {

  static final String TRACESTATE = "vendor=opaque";
  static final String BAGGAGE = "tenant=acme";

  @Test
  void headersTravelVerbatimThroughTheRecord() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> producer = producer()) {
      inRequest(() -> producer.send(new ProducerRecord<>(topic, "v")).get(30, TimeUnit.SECONDS),
          "traceparent", TRACEPARENT, "tracestate", TRACESTATE, "baggage", BAGGAGE, "x-request-id", REQUEST_ID);
    }
    try (KafkaConsumer<String, String> consumer = consumer(topic)) {
      for (ConsumerRecord<String, String> record : pollRecords(consumer, 1)) {
        assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(header(record, "tracestate")).isEqualTo(TRACESTATE);
        assertThat(header(record, "baggage")).isEqualTo(BAGGAGE);
        assertThat(header(record, "x-request-id")).isEqualTo(REQUEST_ID);
        call("/forwarded");
      }
    }
    LoggedRequest forwarded = onlyRequest("/forwarded");
    assertThat(forwarded.getHeader("traceparent")).isEqualTo(TRACEPARENT);
    assertThat(forwarded.getHeader("tracestate")).isEqualTo(TRACESTATE);
    assertThat(forwarded.getHeader("baggage")).isEqualTo(BAGGAGE);
    assertThat(forwarded.getHeader("x-request-id")).isEqualTo(REQUEST_ID);
    Thread.sleep(300);
    assertThat(receiver().spans()).as("forward mode exports nothing").isEmpty();
  }
}
