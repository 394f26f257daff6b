package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;

import dev.baton.testing.AgentExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs with otel.instrumentation.jdbc.enabled=false: statements are left alone. */
@ExtendWith(AgentExtension.class)
class JdbcDisabledTest {

  @Test
  void noDatabaseSpans() throws Exception {
    try (Connection connection = Databases.h2("disabled")) {
      inRequest(request -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE items (id INT)");
          statement.executeUpdate("INSERT INTO items VALUES (1)");
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM items")) {
          select.executeQuery().close();
        }
        return "ok";
      });
    }
    trace(0);
  }
}
