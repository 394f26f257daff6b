package dev.baton.bench.service;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One typical request: a downstream HTTP call, a database read, a Kafka record. No tracing code. */
final class ApiServlet extends HttpServlet {

  static final int ITEMS = 100;
  private static final long serialVersionUID = 1L;

  private final transient HttpClient client;
  private final transient HttpRequest downstream;
  private final transient DataSource database;
  private final transient KafkaProducer<String, String> producer;
  private final transient Counters counters;

  ApiServlet(HttpClient client, String downstreamUrl, DataSource database,
      KafkaProducer<String, String> producer, Counters counters) {
    this.client = client;
    this.downstream = HttpRequest.newBuilder(URI.create(downstreamUrl)).timeout(Duration.ofSeconds(10)).build();
    this.database = database;
    this.producer = producer;
    this.counters = counters;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int id = ThreadLocalRandom.current().nextInt(ITEMS);
    String downstreamAnswer;
    try {
      downstreamAnswer = client.send(downstream, HttpResponse.BodyHandlers.ofString()).body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String name = item(id);
    producer.send(new ProducerRecord<>("bench", name, downstreamAnswer), (metadata, error) -> {
      if (error != null) {
        counters.kafkaFailures.increment();
      }
    });
    byte[] body = (name + " " + downstreamAnswer).getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    counters.apiRequests.increment();
  }

  private String item(int id) throws IOException {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
      query.setInt(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : "none";
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }
}
