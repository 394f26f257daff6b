package dev.baton.smoke.chain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Service C, the end of the chain: a plain Java main with no tracing code. Consumes {@code
 * KAFKA_TOPIC} on {@code KAFKA_BOOTSTRAP_SERVERS} (group {@code KAFKA_GROUP}) in a poll loop and,
 * for each record, inserts a row into {@code chain_orders} of {@code DB_URL} through HikariCP and
 * calls {@code STUB_URL/notify} with HttpURLConnection. Prints {@code SERVICE-C READY} once it has
 * partitions to read.
 */
public final class ServiceC {

  /** A table of its own: the other tests share this database. */
  static final String TABLE = "chain_orders";

  private ServiceC() {}

  public static void main(String[] args) throws Exception {
    String stub = required("STUB_URL");
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(required("DB_URL"));
    pool.setUsername(System.getenv().getOrDefault("DB_USER", "postgres"));
    pool.setMaximumPoolSize(2);
    try (HikariDataSource database = new HikariDataSource(pool);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
      createTable(database);
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        consumer.wakeup();
        try {
          main.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "service-c-stop"));
      consumer.subscribe(List.of(required("KAFKA_TOPIC")));
      boolean ready = false;
      while (true) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        if (!ready && !consumer.assignment().isEmpty()) {
          // From here on a record sent to the topic is read (offsets reset to the earliest).
          ready = true;
          System.out.println("SERVICE-C READY " + consumer.assignment());
        }
        for (ConsumerRecord<String, String> record : records) {
          insert(database, record);
          System.out.println("SERVICE-C PROCESSED " + record.key() + "; notify said " + notify(stub, record.key()));
        }
      }
    } catch (WakeupException stopping) {
      System.out.println("SERVICE-C STOPPED");
    }
  }

  private static void createTable(HikariDataSource database) throws SQLException {
    String ddl = "CREATE TABLE IF NOT EXISTS " + TABLE
        + " (order_id VARCHAR(64) NOT NULL, state VARCHAR(32) NOT NULL, quantity INT NOT NULL,"
        + " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)";
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    } catch (SQLException raced) {
      // Two services creating the table at the same moment: one of them loses; it exists now.
      try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(ddl);
      }
    }
  }

  private static void insert(HikariDataSource database, ConsumerRecord<String, String> record) throws SQLException {
    // The literals are there on purpose: the exported query text must show them as '?'.
    try (Connection connection = database.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO " + TABLE + " (order_id, state, quantity) VALUES (?, 'reserved', 1)")) {
      insert.setString(1, record.key());
      insert.executeUpdate();
    }
  }

  private static String notify(String stub, String id) throws Exception {
    HttpURLConnection call = (HttpURLConnection) URI.create(
        stub + "/notify?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)).toURL().openConnection();
    call.setConnectTimeout(10_000);
    call.setReadTimeout(30_000);
    try {
      int status = call.getResponseCode();
      return status + " " + new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      call.disconnect();
    }
  }

  private static Properties consumerConfig() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required("KAFKA_BOOTSTRAP_SERVERS"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, required("KAFKA_GROUP"));
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "service-c");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    // The consumer starts before B has sent anything: it creates the topic.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
    return config;
  }

  private static String required(String name) {
    return Objects.requireNonNull(System.getenv(name), () -> name + " is not set");
  }
}
