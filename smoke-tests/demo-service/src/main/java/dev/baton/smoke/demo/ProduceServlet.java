package dev.baton.smoke.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends one record (key "k", value "v") and answers once the broker acknowledged it. No tracing code. */
final class ProduceServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient KafkaProducer<String, String> producer;
  private final String topic;

  ProduceServlet(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "demo-producer");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    this.producer = new KafkaProducer<>(config);
    this.topic = topic;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    RecordMetadata sent;
    try {
      sent = producer.send(new ProducerRecord<>(topic, "k", "v")).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    response.setContentType("text/plain");
    response.getWriter().print("sent to " + sent.topic() + "-" + sent.partition() + "@" + sent.offset());
  }

  @Override
  public void destroy() {
    producer.close();
  }
}
