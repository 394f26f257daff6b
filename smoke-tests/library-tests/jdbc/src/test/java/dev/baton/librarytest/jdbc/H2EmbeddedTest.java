package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.clients;
import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class H2EmbeddedTest extends AbstractJdbcTest {

  @Override
  protected Connection connect() throws Exception {
    return Databases.h2("embedded");
  }

  @Override
  protected String system() {
    return "h2database";
  }

  @Override
  protected String namespace() {
    return "embedded";
  }

  @Override
  protected String serverAddress() {
    return null;
  }

  @Override
  protected int serverPort() {
    return 0;
  }

  @Test
  void callableStatementsReportTheProcedure() throws Exception {
    String body = inRequest(request -> {
      try (CallableStatement call = connection.prepareCall("{? = call ABS(?)}")) {
        call.registerOutParameter(1, Types.INTEGER);
        call.setInt(2, -7);
        call.execute();
        return Integer.toString(call.getInt(1));
      }
    });
    assertThat(body).isEqualTo("7");
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.name()).isEqualTo("call ABS");
    assertConnectionAttributes(span);
    assertThat(span.attributes())
        .containsEntry("db.operation.name", "call")
        .containsEntry("db.stored_procedure.name", "ABS")
        .containsEntry("db.query.text", "{? = call ABS(?)}");
  }
}
