package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs with otel.instrumentation.kafka-clients.enabled=false: a record sent inside a request gets
 * no headers and no span is recorded. (With the agent on, headers are written before the broker
 * is even asked, which {@link KafkaFailureTest} shows on an unreachable broker; so no broker is
 * needed to see that nothing was written.)
 */
class KafkaDisabledTest extends KafkaTestBase {

  @Test
  void nothingIsInjectedOrRecorded() throws Exception {
    Properties config = new Properties();
    config.put("max.block.ms", "200");
    ProducerRecord<String, String> record = new ProducerRecord<>(topic(), "v");
    try (KafkaProducer<String, String> producer = producer("127.0.0.1:" + deadPort(), config)) {
      inRequest(() -> catchThrowable(() -> producer.send(record).get(30, TimeUnit.SECONDS)),
          "traceparent", TRACEPARENT, "x-request-id", REQUEST_ID);
    }
    assertThat(record.headers().toArray()).isEmpty();
    receiver().await(s -> s.kind().equals("SERVER"), 1, WAIT);
    Thread.sleep(300);
    assertThat(receiver().spans()).extracting(s -> s.kind()).containsOnly("SERVER");
  }
}
