package dev.baton.smoke.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The other half of the Kafka demo, no tracing code either: consumes the topic the demo service's
 * {@code /produce} writes to ({@code KAFKA_TOPIC}, default {@code orders}, on {@code
 * KAFKA_BOOTSTRAP_SERVERS}) and, for each record, calls {@code DOWNSTREAM_URL}{@code
 * /downstream?from=consumer}. Prints {@code CONSUMER READY} once it has partitions to read.
 *
 * <p>Run from the demo jar: {@code java -cp demo-service.jar dev.baton.smoke.demo.ConsumerService}.
 */
public final class ConsumerService {

  private ConsumerService() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = required("KAFKA_BOOTSTRAP_SERVERS", "demo.kafka.bootstrap");
    String downstream = required("DOWNSTREAM_URL", "demo.downstream");
    String topic = DemoService.kafkaTopic();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(bootstrapServers))) {
      // SIGTERM: wake the poll so the loop ends and the consumer leaves its group cleanly.
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        consumer.wakeup();
        try {
          main.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "consumer-stop"));
      consumer.subscribe(List.of(topic), new ReadyWhenAssigned());
      while (true) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> record : records) {
          System.out.println("CONSUMED " + record.topic() + "-" + record.partition() + "@" + record.offset()
              + " key=" + record.key() + " value=" + record.value()
              + "; downstream said: " + callDownstream(client, downstream));
        }
      }
    } catch (WakeupException stopping) {
      System.out.println("CONSUMER STOPPED");
    }
  }

  private static Properties config(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-consumers");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "demo-consumer");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    // A topic that does not exist yet is created, so the consumer can start before the producer.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
    return config;
  }

  private static String callDownstream(HttpClient client, String downstream) throws Exception {
    HttpRequest call = HttpRequest.newBuilder(URI.create(downstream + "/downstream?from=consumer"))
        .timeout(Duration.ofSeconds(10))
        .build();
    HttpResponse<String> response = client.send(call, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static String required(String env, String property) {
    String value = DemoService.setting(env, property, null);
    if (value == null) {
      throw new IllegalStateException(env + " is not set");
    }
    return value;
  }

  /** Announces readiness once: the first assignment that holds partitions. */
  private static final class ReadyWhenAssigned implements ConsumerRebalanceListener {

    private boolean announced;

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!announced && !partitions.isEmpty()) {
        announced = true;
        System.out.println("CONSUMER READY " + partitions);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // nothing to hand over: offsets are committed automatically
    }
  }
}
