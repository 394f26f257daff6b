package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.clients;
import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code org.mariadb.jdbc} against the MariaDB server at 127.0.0.1:3306. */
class MariaDbTest extends AbstractJdbcTest {

  @Override
  protected Connection connect() {
    return Databases.mariadb();
  }

  @Override
  protected String system() {
    return "mariadb";
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
    return 3306;
  }

  @Test
  void mysqlQuotingIsUnderstood() throws Exception {
    inRequest(request -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT item FROM `" + table + "` WHERE item = \"it\\\"s secret\" # trailing comment")) {
        return Boolean.toString(rows.next());
      }
    });
    ReceivedSpan span = clients(trace(1)).get(0);
    assertThat(span.name()).isEqualTo("SELECT `" + table + "`");
    assertThat(span.attributes())
        .containsEntry("db.query.text", "SELECT item FROM `" + table + "` WHERE item = ?");
  }
}
