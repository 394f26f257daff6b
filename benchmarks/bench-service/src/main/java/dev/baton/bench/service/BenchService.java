package dev.baton.bench.service;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The service the whole-process benchmark measures; it has no tracing code. {@code GET /api}
 * calls {@code /downstream} on the same server with {@code java.net.http.HttpClient}, reads a row
 * of an embedded H2 database through a connection pool and sends a Kafka record without waiting
 * for the acknowledgement: with an agent attached that is five spans per request (SERVER, HTTP
 * CLIENT, downstream SERVER, database CLIENT, PRODUCER). {@code GET /stats} reports what the
 * runner measures from inside (see {@link StatsServlet}).
 *
 * <p>Arguments: {@code <port> <kafka bootstrap servers>}.
 */
public final class BenchService {

  private BenchService() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String kafka = args[1];
    Counters counters = new Counters();

    JdbcConnectionPool database = JdbcConnectionPool.create("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
    database.setMaxConnections(64);
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
        for (int i = 0; i < ApiServlet.ITEMS; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item-" + i);
          insert.executeUpdate();
        }
      }
    }

    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("bench-tomcat").toFile();
    base.deleteOnExit();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    // Keep-alive connections stay open (Tomcat closes them after 100 requests by default).
    connector.setProperty("maxKeepAliveRequests", "-1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Tomcat.addServlet(context, "api",
        new ApiServlet(client, "http://127.0.0.1:" + port + "/downstream", database, producer(kafka), counters));
    context.addServletMappingDecoded("/api", "api");
    Tomcat.addServlet(context, "downstream", new DownstreamServlet());
    context.addServletMappingDecoded("/downstream", "downstream");
    Tomcat.addServlet(context, "stats", new StatsServlet(counters));
    context.addServletMappingDecoded("/stats", "stats");
    tomcat.start();
    System.out.println("BENCH-SERVICE LISTENING port=" + port);
    tomcat.getServer().await();
  }

  private static KafkaProducer<String, String> producer(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-service");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    config.put(ProducerConfig.ACKS_CONFIG, "1");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
    return new KafkaProducer<>(config);
  }
}
