package dev.baton.librarytest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.baton.testing.ReceivedSpan;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** A failed send: the span records the error; the application sees exactly what Kafka threw. */
class KafkaFailureTest extends KafkaTestBase {

  static Properties blockAtMost(long millis) {
    Properties config = new Properties();
    config.put("max.block.ms", Long.toString(millis));
    return config;
  }

  static ReceivedSpan failedSend(String topic) throws InterruptedException {
    ReceivedSpan send = receiver().await(s -> s.name().equals("send " + topic), 1, WAIT).get(0);
    assertThat(send.kind()).isEqualTo("PRODUCER");
    assertThat(send.statusCode()).isEqualTo("ERROR");
    return send;
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aSerializationErrorIsThrownAsWithoutTheAgent() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> producer = producer()) {
      ProducerRecord wrongType = new ProducerRecord(topic, "key", 42);
      Throwable thrown = catchThrowable(() -> producer.send(wrongType));
      assertThat(thrown).isInstanceOf(SerializationException.class)
          .hasMessageContaining("Can't convert value of class java.lang.Integer");
      ReceivedSpan send = failedSend(topic);
      assertThat(send.attributes()).containsEntry("error.type", SerializationException.class.getName());
      assertThat(send.firstExceptionEvent()).containsEntry("exception.type", SerializationException.class.getName());
    }
  }

  @Test
  void anUnreachableBrokerFailsTheSendThroughCallbackAndFuture() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> producer = producer("127.0.0.1:" + deadPort(), blockAtMost(300))) {
      CompletableFuture<Exception> callback = new CompletableFuture<>();
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, "v");
      Future<RecordMetadata> future = producer.send(record, (metadata, error) -> callback.complete(error));
      Throwable thrown = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
      assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
      assertThat(callback.get(30, TimeUnit.SECONDS)).isSameAs(thrown.getCause());
      assertThat(record.headers().lastHeader("traceparent")).as("injected before the broker was asked").isNotNull();
      ReceivedSpan send = failedSend(topic);
      assertThat(send.attributes()).containsEntry("error.type", TimeoutException.class.getName());
    }
  }

  /**
   * Clients before 2.1 throw at once for a partition the topic does not have; later ones wait for
   * it and time out, through the future and the callback. Either way the span records what the
   * application saw.
   */
  @Test
  void aPartitionThatDoesNotExistFailsTheSend() throws Exception {
    String topic = topic();
    try (KafkaProducer<String, String> producer = producer(bootstrapServers(), blockAtMost(500))) {
      producer.send(new ProducerRecord<>(topic, "creates the topic")).get(30, TimeUnit.SECONDS);
      receiver().await(s -> s.name().equals("send " + topic), 1, WAIT);
      receiver().clear();
      CompletableFuture<Exception> callback = new CompletableFuture<>();
      Throwable seen;
      try {
        Future<RecordMetadata> future =
            producer.send(new ProducerRecord<>(topic, 7, null, "v"), (metadata, error) -> callback.complete(error));
        seen = catchThrowable(() -> future.get(30, TimeUnit.SECONDS)).getCause();
        assertThat(seen).isInstanceOf(TimeoutException.class);
        assertThat(callback.get(30, TimeUnit.SECONDS)).isSameAs(seen);
      } catch (KafkaException thrown) {
        seen = thrown;
        assertThat(thrown).hasMessageContaining("Invalid partition");
      }
      ReceivedSpan send = failedSend(topic);
      assertThat(send.attributes())
          .containsEntry("error.type", seen.getClass().getName())
          .containsEntry("messaging.destination.partition.id", "7");
      assertThat(send.firstExceptionEvent()).containsEntry("exception.message", seen.getMessage());
    }
  }

}
