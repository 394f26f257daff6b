package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.named;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The end-to-end case: a servlet request borrows a pooled connection and runs queries through
 * the pool's proxy connection and statements; the trace holds the SERVER span and one database
 * span per execution (not one for the proxy and one for the driver), as its children. Twice, as
 * the second borrow hands out new proxies (and DBCP reuses its cached prepared statements).
 */
@ExtendWith(AgentExtension.class)
class ConnectionPoolTest {

  enum Pool { HIKARI, DBCP2 }

  record Case(Pool pool, String database, String url, String user, String system, String host, int port) {
    @Override
    public String toString() {
      return pool + " on " + system;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(Pool.HIKARI, null, "jdbc:h2:mem:pooled;DB_CLOSE_DELAY=-1", "sa", "h2database", null, 0),
        new Case(Pool.DBCP2, null, "jdbc:h2:mem:pooled;DB_CLOSE_DELAY=-1", "sa", "h2database", null, 0),
        new Case(Pool.HIKARI, Databases.POSTGRES, Databases.POSTGRES_URL, "postgres", "postgresql",
            "127.0.0.1", 5432),
        new Case(Pool.DBCP2, Databases.MARIADB, Databases.MARIADB_URL, "root", "mariadb",
            "127.0.0.1", 3306));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneSpanPerExecutionUnderTheRequest(Case c) throws Exception {
    if (c.database() != null) {
      Databases.assumeReachable(c.database(), () -> DriverManager.getConnection(c.url(), c.user(), ""));
    }
    String table = "pooled_" + UUID.randomUUID().toString().substring(0, 8);
    DataSource pool = pool(c);
    try (AutoCloseable closing = (AutoCloseable) pool) {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, item VARCHAR(64))");
      }
      for (int round = 0; round < 2; round++) {
        AgentExtension.receiver().clear();
        int base = round * 10;
        assertThat(inRequest(request -> runQueries(pool, table, base))).isEqualTo("3");
        List<ReceivedSpan> spans = trace(3);
        for (String name : List.of("INSERT " + table, "SELECT " + table, "BATCH INSERT " + table)) {
          ReceivedSpan span = named(spans, name);
          assertThat(span.attributes())
              .containsEntry("db.system.name", c.system())
              .containsEntry("db.collection.name", table);
          if (c.host() != null) {
            assertThat(span.attributes())
                .containsEntry("server.address", c.host())
                .containsEntry("server.port", Integer.toString(c.port()));
          }
        }
        assertThat(named(spans, "BATCH INSERT " + table).attributes())
            .containsEntry("db.operation.batch.size", "2");
      }
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE " + table);
      }
    }
  }

  /** What a request handler does with a pool: borrow, prepare, execute, batch, give back. */
  private static String runQueries(DataSource pool, String table, int base) throws Exception {
    try (Connection connection = pool.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " (id, item) VALUES (?, ?)")) {
        insert.setInt(1, base + 1);
        insert.setString(2, "one");
        insert.executeUpdate();
        for (int id = base + 2; id <= base + 3; id++) {
          insert.setInt(1, id);
          insert.setString(2, "more");
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT count(*) FROM " + table + " WHERE id > " + base)) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static DataSource pool(Case c) {
    if (c.pool() == Pool.HIKARI) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(c.url());
      config.setUsername(c.user());
      config.setPassword("");
      config.setMaximumPoolSize(2);
      return new HikariDataSource(config);
    }
    BasicDataSource dbcp = new BasicDataSource();
    dbcp.setUrl(c.url());
    dbcp.setUsername(c.user());
    dbcp.setPassword("");
    dbcp.setMaxTotal(2);
    dbcp.setPoolPreparedStatements(true);
    return dbcp;
  }
}
