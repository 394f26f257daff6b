package dev.baton.smoke.fault;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A broker that is gone (nothing listens), a record over {@code max.request.size} and a value the
 * serializer cannot take: what {@code send} throws, what its future fails with and what the
 * callback is given.
 */
final class KafkaFaults {

  private final FaultReport report;
  private final String bootstrapServers;
  private final int closedPort;

  KafkaFaults(FaultReport report, String bootstrapServers, int closedPort) {
    this.report = report;
    this.bootstrapServers = bootstrapServers;
    this.closedPort = closedPort;
  }

  void run() {
    try (Producer<String, String> gone = producer("127.0.0.1:" + closedPort, StringSerializer.class, "gone")) {
      send("kafka.broker-gone", gone, new ProducerRecord<>("orders", "key", "value"));
    }
    try (Producer<String, String> live = producer(bootstrapServers, StringSerializer.class, "live")) {
      // A record that fits first, so the topic and its metadata exist before the faults: the
      // faults below then never depend on how fast metadata arrives.
      report.print("kafka.fits", HttpClientFaults.failure(() ->
          live.send(new ProducerRecord<>("orders", "key", "fits")).get(30, TimeUnit.SECONDS)));
      send("kafka.record-too-large", live, new ProducerRecord<>("orders", "key", "x".repeat(4096)));
    }
    try (Producer<String, String> wrongSerializer = producer(bootstrapServers, ByteArraySerializer.class, "bytes")) {
      wrongSerializer.partitionsFor("orders");
      send("kafka.serialization", wrongSerializer, new ProducerRecord<>("orders", "key", "not bytes"));
    }
  }

  private void send(String fault, Producer<String, String> producer, ProducerRecord<String, String> record) {
    AtomicReference<Exception> fromCallback = new AtomicReference<>();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Throwable thrown = HttpClientFaults.failure(() -> producer.send(record, (metadata, error) -> {
      fromCallback.set(error);
      done.countDown();
    }).get(40, TimeUnit.SECONDS));
    report.print(fault + ".future", thrown);
    if (done.getCount() == 0 || await(done)) {
      report.print(fault + ".callback", fromCallback.get());
    } else {
      System.out.println("fault " + fault + ".callback: not called");
    }
  }

  private static boolean await(java.util.concurrent.CountDownLatch latch) {
    try {
      return latch.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Producer<String, String> producer(String servers, Class<?> valueSerializer, String clientId) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "fault-" + clientId);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getName());
    // short for the broker that is gone; long enough on a loaded machine for the live one
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, clientId.equals("gone") ? "3000" : "30000");
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "1024");
    return (Producer) new KafkaProducer<>(properties);
  }
}
