package dev.baton.smoke.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/** SQL syntax errors and constraint violations on H2 (embedded) and PostgreSQL. */
final class JdbcFaults {

  private final FaultReport report;
  private final String postgresUrl;

  JdbcFaults(FaultReport report, String postgresUrl) {
    this.report = report;
    this.postgresUrl = postgresUrl;
  }

  void run() throws SQLException {
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:faults;DB_CLOSE_DELAY=-1")) {
      faults("h2", h2, "CREATE TABLE orders (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
    }
    try (Connection postgres = DriverManager.getConnection(postgresUrl, "postgres", "")) {
      faults("postgresql", postgres, "CREATE TEMP TABLE orders (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
    }
  }

  private void faults(String db, Connection connection, String createTable) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createTable);
      statement.executeUpdate("INSERT INTO orders VALUES (1, 'first')");
    }
    report.print(db + ".syntax.query", HttpClientFaults.failure(() -> {
      try (Statement statement = connection.createStatement()) {
        return statement.executeQuery("SELEC * FROM orders");
      }
    }));
    report.print(db + ".syntax.prepare", HttpClientFaults.failure(() -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM orders WHERE")) {
        return statement.executeQuery();
      }
    }));
    report.print(db + ".duplicate-key", HttpClientFaults.failure(() -> {
      try (Statement statement = connection.createStatement()) {
        return statement.executeUpdate("INSERT INTO orders VALUES (1, 'again')");
      }
    }));
    report.print(db + ".not-null.prepared", HttpClientFaults.failure(() -> {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
        statement.setInt(1, 2);
        statement.setNull(2, Types.VARCHAR);
        return statement.executeUpdate();
      }
    }));
    report.print(db + ".batch.duplicate-key", HttpClientFaults.failure(() -> {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
        statement.setInt(1, 3);
        statement.setString(2, "third");
        statement.addBatch();
        statement.setInt(1, 1);
        statement.setString(2, "dup");
        statement.addBatch();
        return statement.executeBatch();
      }
    }));
  }
}
