package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.clients;
import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** {@code org.postgresql} against the PostgreSQL server at 127.0.0.1:5432. */
class PostgresTest extends AbstractJdbcTest {

  @Override
  protected Connection connect() {
    return Databases.postgres();
  }

  @Override
  protected String system() {
    return "postgresql";
  }

  @Override
  protected String namespace() {
    return "test";
  }

  @Override
  protected String serverAddress() {
    return "127.0.0.1";
  }

  @Override
  protected int serverPort() {
    return 5432;
  }

  @Test
  void callableStatementsReportTheFunction() throws Exception {
    String body = inRequest(request -> {
      try (CallableStatement call = connection.prepareCall("{? = call abs(?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, -7);
        call.execute();
        return Integer.toString(call.getInt(1));
      }
    });
    assertThat(body).isEqualTo("7");
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.name()).isEqualTo("call abs");
    assertThat(span.attributes()).containsEntry("db.stored_procedure.name", "abs");
  }

  @Test
  void dollarQuotedBodiesAreNotExported() throws Exception {
    inRequest(request -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT $secret$ it's a secret $secret$ AS value FROM " + table)) {
        return Boolean.toString(rows.next());
      }
    });
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.attributes()).containsEntry("db.query.text", "SELECT ? AS value FROM " + table);
  }
}
