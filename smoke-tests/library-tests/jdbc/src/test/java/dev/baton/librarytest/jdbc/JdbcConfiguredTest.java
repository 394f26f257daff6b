package dev.baton.librarytest.jdbc;

import static dev.baton.librarytest.jdbc.RequestTraces.TRACE_ID;
import static dev.baton.librarytest.jdbc.RequestTraces.inRequest;
import static dev.baton.librarytest.jdbc.RequestTraces.server;
import static dev.baton.librarytest.jdbc.RequestTraces.trace;
import static dev.baton.librarytest.jdbc.RequestTraces.withText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.AgentExtension;
import dev.baton.testing.ReceivedSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs with the opt-in settings on: {@code otel.instrumentation.jdbc.experimental.sqlcommenter.enabled},
 * {@code baton.jdbc.root-spans.enabled} and {@code otel.instrumentation.jdbc.query-sanitization.enabled=false}.
 * The trace must reach the database itself: each database shows, for the statement it is running,
 * the text it received, comment included.
 */
@ExtendWith(AgentExtension.class)
class JdbcConfiguredTest {

  static final String REQUEST_ID = "0f3c9a1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
  static final String OWN_QUERY_PG = "SELECT query FROM pg_stat_activity WHERE pid = pg_backend_pid()";
  static final String OWN_QUERY_MARIADB =
      "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()";

  private static String comment(String spanId) {
    return "/*traceparent='00-" + TRACE_ID + "-" + spanId + "-01',x-request-id='" + REQUEST_ID + "'*/";
  }

  /** Runs the database's "what am I running" query plainly and prepared, in one request. */
  private static String[] seenByDatabase(Connection connection, String ownQuery) throws Exception {
    String[] seen = new String[2];
    inRequest(request -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(ownQuery)) {
        rows.next();
        seen[0] = rows.getString(1);
      }
      try (PreparedStatement prepared = connection.prepareStatement(ownQuery + " AND 1 = ?")) {
        prepared.setInt(1, 1);
        try (ResultSet rows = prepared.executeQuery()) {
          rows.next();
          seen[1] = rows.getString(1);
        }
      }
      return "ok";
    }, "x-request-id", REQUEST_ID);
    return seen;
  }

  @Test
  void postgresqlSeesTheTraceInPgStatActivity() throws Exception {
    String[] seen;
    try (Connection connection = Databases.postgres()) {
      seen = seenByDatabase(connection, OWN_QUERY_PG);
    }
    List<ReceivedSpan> spans = trace(2);
    ReceivedSpan plain = withText(spans, OWN_QUERY_PG);
    // a plain statement's comment names its own span; a prepared one's, the span current when it
    // was prepared (its text is fixed at that moment)
    assertThat(seen[0]).isEqualTo(OWN_QUERY_PG + comment(plain.spanId()));
    assertThat(seen[1]).isEqualTo(OWN_QUERY_PG + " AND 1 = $1" + comment(server(spans).spanId()));
    assertThat(withText(spans, OWN_QUERY_PG + " AND 1 = ?").attribute("db.query.text"))
        .as("the application's text is exported, not the commented one").doesNotContain("traceparent");
  }

  @Test
  void mariadbSeesTheTraceInItsProcessList() throws Exception {
    String[] seen;
    try (Connection connection = Databases.mariadb()) {
      seen = seenByDatabase(connection, OWN_QUERY_MARIADB);
    }
    List<ReceivedSpan> spans = trace(2);
    assertThat(seen[0]).isEqualTo(OWN_QUERY_MARIADB + comment(withText(spans, OWN_QUERY_MARIADB).spanId()));
    assertThat(seen[1]).startsWith(OWN_QUERY_MARIADB + " AND 1 = ")
        .endsWith(comment(server(spans).spanId()));
  }

  @Test
  void literalsAreExportedWhenSanitizationIsOff() throws Exception {
    try (Connection connection = Databases.h2("configured")) {
      inRequest(request -> {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT 'visible' AS word")) {
          rows.next();
          return rows.getString(1);
        }
      });
    }
    withText(trace(1), "SELECT 'visible' AS word");
  }

  @Test
  void statementsOutsideAnyRequestStartTheirOwnTrace() throws Exception {
    try (Connection connection = Databases.h2("configured");
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 'outside' AS word").close();
    }
    ReceivedSpan root = AgentExtension.receiver().await(
        s -> "SELECT 'outside' AS word".equals(s.attribute("db.query.text")), 1, RequestTraces.WAIT).get(0);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.kind()).isEqualTo("CLIENT");
    assertThat(root.name()).isEqualTo("SELECT");
  }
}
