package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.TraceGapReport;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A query that lost the request's trace (run by a worker thread started outside any request, fed
 * by a queue, which the agent cannot see into) is a trace gap at the application's call site,
 * counted once although it passes through the pool's proxy statement and the driver's.
 */
@ExtendWith(AgentExtension.class)
class JdbcTraceGapTest {

  static final BlockingQueue<Runnable> QUEUE = new LinkedBlockingQueue<>();
  static Thread worker;
  static HikariDataSource pool;

  @BeforeAll
  static void start() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(1);
    pool = new HikariDataSource(config);
    worker = new Thread(() -> {
      try {
        while (true) {
          QUEUE.take().run();
        }
      } catch (InterruptedException e) {
        // stopped
      }
    }, "hand-made-worker");
    worker.setDaemon(true);
    worker.start();
  }

  @AfterAll
  static void stop() {
    worker.interrupt();
    pool.close();
  }

  @Test
  void aQueryThatLostTheTraceIsOneGapAtItsCallSite() throws Exception {
    int queries = 3;
    for (int i = 0; i < queries; i++) {
      inRequest(request -> {
        CompletableFuture<String> result = new CompletableFuture<>();
        QUEUE.add(() -> {
          try {
            result.complete(lostQuery());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
        return result.get(30, TimeUnit.SECONDS);
      });
    }
    List<String> lines = TraceGapReport.read(ManagementFactory.getPlatformMBeanServer()).lines().filter(line -> line.contains(".lostQuery:")).collect(Collectors.toList());
    assertThat(lines).hasSize(1);
    String[] site = lines.get(0).split("\t");
    assertThat(site[0]).startsWith(JdbcTraceGapTest.class.getName() + ".lostQuery:");
    assertThat(site[1]).isEqualTo("jdbc");
    assertThat(site[2]).as("one gap per query, not one per wrapper level").isEqualTo(String.valueOf(queries));
  }

  private static String lostQuery() throws Exception {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      rows.next();
      return rows.getString(1);
    }
  }
}
