package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.TRACE_ID;
import static dev.baton.librarytest.jdbc.RequestTraces.clients;
import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.named;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static dev.baton.librarytest.jdbc.RequestTraces.withText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.OtlpReceiver;
import dev.baton.testing.ReceivedSpan;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the JDBC instrumentation must do on every driver, held to the same assertions for each: a
 * database's test says how to connect and what the spans should say about the connection.
 * Statements run inside a real instrumented servlet request ({@link RequestTraces}), so their
 * spans must be children of its SERVER span.
 */
@ExtendWith(AgentExtension.class)
abstract class AbstractJdbcTest {

  /** A table of this test's own: several runs may share one database. */
  protected final String table = "orders_" + UUID.randomUUID().toString().substring(0, 8);
  protected Connection connection;

  private final String system;
  private final String namespace;
  private final String serverAddress;
  private final int serverPort;

  /**
   * What every span on the database under test must say about its connection.
   *
   * @param serverAddress null for an embedded database
   */
  AbstractJdbcTest(String system, String namespace, String serverAddress, int serverPort) {
    this.system = system;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
  }

  /** A new connection to the database under test; skips or fails when it is not there. */
  protected abstract Connection connect() throws Exception;

  /**
   * A query written with the database's own quoting and comments, and the text its span must
   * export: {sql, text}. Standard SQL by default.
   */
  protected String[] quotingQuery() {
    String quotedName = '"' + table.toUpperCase(Locale.ROOT) + '"'; // H2 stores names upper-case
    return new String[] {"SELECT item FROM " + quotedName + " WHERE item = 'it''s secret' /* note */",
        "SELECT item FROM " + quotedName + " WHERE item = ?"};
  }

  @BeforeEach
  void createTable() throws Exception {
    connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, item VARCHAR(64))");
    }
  }

  @AfterEach
  void dropTable() throws Exception {
    if (connection != null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE " + table);
      }
      connection.close();
    }
  }

  static OtlpReceiver receiver() {
    return AgentExtension.receiver();
  }

  /** What every span on this connection says, whatever the statement. */
  void assertConnectionAttributes(ReceivedSpan span) {
    assertThat(span.attributes())
        .containsEntry("db.system.name", system)
        .containsEntry("db.namespace", namespace);
    if (serverAddress == null) {
      assertThat(span.attributes()).doesNotContainKeys("server.address", "server.port");
    } else {
      assertThat(span.attributes())
          .containsEntry("server.address", serverAddress)
          .containsEntry("server.port", Integer.toString(serverPort));
    }
    assertThat(span.attributes().values()).as("nothing about credentials")
        .noneMatch(value -> value.contains("password") || value.contains("root@"));
  }

  void assertQuery(ReceivedSpan span, String operation, String text) {
    assertConnectionAttributes(span);
    assertThat(span.attributes())
        .containsEntry("db.operation.name", operation)
        .containsEntry("db.collection.name", table)
        .containsEntry("db.query.text", text);
    assertThat(span.statusCode()).isEqualTo("UNSET");
  }

  @Test
  void statementsInARequestAreChildrenOfItsServerSpan() throws Exception {
    String body = inRequest(request -> {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO " + table + " (id, item) VALUES (1, 'secret-item')");
        statement.execute("INSERT INTO " + table + " (id, item) VALUES (2, 'other')");
        statement.executeLargeUpdate("UPDATE " + table + " SET item = 'changed' WHERE id = 2");
        try (ResultSet rows = statement.executeQuery("SELECT item FROM " + table + " WHERE id = 1")) {
          rows.next();
          return rows.getString(1);
        }
      }
    });
    assertThat(body).isEqualTo("secret-item");

    List<ReceivedSpan> spans = trace(4);
    List<ReceivedSpan> inserts = clients(spans).stream()
        .filter(s -> s.name().equals("INSERT " + table)).toList();
    assertThat(inserts).hasSize(2).allSatisfy(insert ->
        assertQuery(insert, "INSERT", "INSERT INTO " + table + " (id, item) VALUES (?, ?)"));
    assertQuery(named(spans, "UPDATE " + table), "UPDATE",
        "UPDATE " + table + " SET item = ? WHERE id = ?");
    assertQuery(named(spans, "SELECT " + table), "SELECT",
        "SELECT item FROM " + table + " WHERE id = ?");
    assertThat(spans).flatMap(s -> s.attributes().values()).as("literals are not exported")
        .noneMatch(value -> value.contains("secret-item") || value.contains("changed"));
  }

  @Test
  void preparedStatementsReportTheSqlTheyWerePreparedWith() throws Exception {
    inRequest(request -> {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " (id, item) VALUES (?, ?)")) {
        for (int id = 1; id <= 2; id++) {
          insert.setInt(1, id);
          insert.setString(2, "item" + id);
          insert.executeUpdate();
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement("SELECT item FROM " + table + " WHERE id = ?")) {
        select.setInt(1, 2);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getString(1);
        }
      }
    });
    List<ReceivedSpan> spans = trace(3);
    assertThat(clients(spans).stream().filter(s -> s.name().equals("INSERT " + table)))
        .hasSize(2)
        .allSatisfy(insert ->
            assertQuery(insert, "INSERT", "INSERT INTO " + table + " (id, item) VALUES (?, ?)"));
    assertQuery(named(spans, "SELECT " + table), "SELECT", "SELECT item FROM " + table + " WHERE id = ?");
  }

  @Test
  void batchesAreOneSpanWithTheirSize() throws Exception {
    inRequest(request -> {
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " (id, item) VALUES (?, ?)")) {
        for (int id = 1; id <= 3; id++) {
          insert.setInt(1, id);
          insert.setString(2, "item" + id);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (Statement statement = connection.createStatement()) {
        statement.addBatch("INSERT INTO " + table + " (id, item) VALUES (10, 'x')");
        statement.addBatch("UPDATE " + table + " SET item = 'y' WHERE id = 10");
        statement.executeBatch();
        // a batch of one is one operation, not a batch
        statement.addBatch("DELETE FROM " + table + " WHERE id = 10");
        statement.executeBatch();
      }
      return "ok";
    });
    List<ReceivedSpan> spans = trace(3);
    ReceivedSpan prepared = named(spans, "BATCH INSERT " + table);
    assertQuery(prepared, "BATCH INSERT", "INSERT INTO " + table + " (id, item) VALUES (?, ?)");
    assertThat(prepared.attributes()).containsEntry("db.operation.batch.size", "3");

    ReceivedSpan mixed = named(spans, "BATCH " + table);
    assertQuery(mixed, "BATCH", "INSERT INTO " + table + " (id, item) VALUES (?, ?); UPDATE "
        + table + " SET item = ? WHERE id = ?");
    assertThat(mixed.attributes()).containsEntry("db.operation.batch.size", "2");

    ReceivedSpan single = named(spans, "DELETE " + table);
    assertQuery(single, "DELETE", "DELETE FROM " + table + " WHERE id = ?");
    assertThat(single.attributes()).doesNotContainKey("db.operation.batch.size");
  }

  @Test
  void callableStatementsReportTheirProcedure() throws Exception {
    String function = "ABS";
    String body = inRequest(request -> {
      try (CallableStatement call = connection.prepareCall("{? = call " + function + "(?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, -7);
        call.execute();
        return Integer.toString(call.getInt(1));
      }
    });
    assertThat(body).isEqualTo("7");
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.name()).isEqualTo("call " + function);
    assertConnectionAttributes(span);
    assertThat(span.attributes())
        .containsEntry("db.operation.name", "call")
        .containsEntry("db.stored_procedure.name", function)
        .containsEntry("db.query.text", "{? = call " + function + "(?)}");
  }

  @Test
  void literalsInTheDatabasesOwnQuotingAreNotExported() throws Exception {
    String[] query = quotingQuery();
    inRequest(request -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(query[0])) {
        return Boolean.toString(rows.next());
      }
    });
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.attributes()).containsEntry("db.query.text", query[1]);
    assertThat(span.name()).startsWith("SELECT ").doesNotContain("secret");
  }

  @Test
  void anErrorIsRecordedAndTheSameExceptionReachesTheApplication() throws Exception {
    String body = inRequest(request -> {
      RecordingStatement statement = new RecordingStatement(connection.createStatement());
      try (statement) {
        SQLException thrown = catchThrowableOfType(SQLException.class,
            () -> statement.executeQuery("SELECT * FROM missing_" + table));
        assertThat((Object) thrown).as("what the application caught").isNotNull().isSameAs(statement.thrownByDriver);
        return thrown.getClass().getName() + "|" + thrown.getSQLState();
      }
    });
    String[] thrown = body.split("\\|");
    ReceivedSpan failed = clients(trace(1)).get(0);
    assertThat(failed.name()).isEqualTo("SELECT missing_" + table);
    assertConnectionAttributes(failed);
    assertThat(failed.statusCode()).isEqualTo("ERROR");
    assertThat(failed.attributes()).containsEntry("error.type", thrown[0]);
    if (!thrown[1].equals("null")) {
      assertThat(failed.attributes()).containsEntry("db.response.status_code", thrown[1]);
    }
    assertThat(failed.firstExceptionEvent()).containsEntry("exception.type", thrown[0]);
  }

  @Test
  void aWrapperDelegatingToTheDriversStatementYieldsOneSpan() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO " + table + " (id, item) VALUES (1, 'a')");
    }
    inRequest(request -> {
      try (Statement wrapper = new RecordingStatement(connection.createStatement());
          ResultSet rows = wrapper.executeQuery("SELECT item FROM " + table)) {
        rows.next();
      }
      try (PreparedStatement wrapper = new DelegatingPreparedStatement(null,
              connection.prepareStatement("SELECT item FROM " + table + " WHERE id = ?"))) {
        wrapper.setInt(1, 1);
        try (ResultSet rows = wrapper.executeQuery()) {
          rows.next();
        }
      }
      return "ok";
    });
    List<ReceivedSpan> spans = trace(2);
    assertQuery(withText(spans, "SELECT item FROM " + table), "SELECT", "SELECT item FROM " + table);
    assertQuery(withText(spans, "SELECT item FROM " + table + " WHERE id = ?"),
        "SELECT", "SELECT item FROM " + table + " WHERE id = ?");
  }

  @Test
  void statementsOutsideAnyRequestCreateNothing() throws Exception {
    try (Statement statement = connection.createStatement();
        PreparedStatement prepared = connection.prepareStatement("SELECT item FROM " + table)) {
      statement.executeUpdate("INSERT INTO " + table + " (id, item) VALUES (1, 'a')");
      prepared.executeQuery().close();
      // a statement prepared outside a request is traced when it runs inside one
      inRequest(request -> {
        prepared.executeQuery().close();
        return "ok";
      });
    }
    assertQuery(clients(trace(1)).get(0), "SELECT", "SELECT item FROM " + table);
    assertThat(receiver().spans()).as("only the request's spans")
        .allSatisfy(span -> assertThat(span.traceId()).isEqualTo(TRACE_ID));
  }
}
