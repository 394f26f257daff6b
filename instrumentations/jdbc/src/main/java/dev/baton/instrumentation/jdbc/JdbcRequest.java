package dev.baton.instrumentation.jdbc;

import dev.baton.instrumentation.api.db.DbConnectionInfo;
import dev.baton.instrumentation.api.db.SqlQuery;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement execution as the database span describes it. What is not known yet (the
 * connection of a plain statement, its analyzed SQL) is worked out only when the span is
 * recorded.
 */
final class JdbcRequest {

  private final Connection connection;
  private final StatementState prepared;
  private final String sql;
  private final List<String> batch;
  private final long batchSize;
  private DbConnectionInfo connectionInfo;

  private JdbcRequest(
      Connection connection, StatementState prepared, String sql, List<String> batch, long batchSize) {
    this.connection = connection;
    this.prepared = prepared;
    this.sql = sql;
    this.batch = batch;
    this.batchSize = batchSize;
  }

  /** {@code statement.execute(sql)} and its siblings, on the statement's connection. */
  static JdbcRequest plain(Connection connection, String sql) {
    return new JdbcRequest(connection, null, sql, null, 1);
  }

  /** A prepared statement's execution, or its batch of {@code batchSize}. */
  static JdbcRequest prepared(StatementState prepared, long batchSize) {
    return new JdbcRequest(null, prepared, null, null, batchSize);
  }

  /** A plain statement's batch: the texts given to {@code addBatch}. */
  static JdbcRequest batch(Connection connection, List<String> texts, long batchSize) {
    return new JdbcRequest(connection, null, null, texts, batchSize);
  }

  DbConnectionInfo connectionInfo() {
    if (connectionInfo == null) {
      connectionInfo = prepared != null ? prepared.connection() : ConnectionInfos.of(connection);
    }
    return connectionInfo;
  }

  SqlQuery query() {
    if (prepared != null) {
      return prepared.query();
    }
    if (batch != null) {
      List<SqlQuery> queries = new ArrayList<>(batch.size());
      for (String text : batch) {
        queries.add(JdbcSingletons.QUERIES.get(text, connectionInfo().dialect()));
      }
      return SqlQuery.ofBatch(queries);
    }
    return JdbcSingletons.QUERIES.get(sql, connectionInfo().dialect());
  }

  long batchSize() {
    return batchSize;
  }
}
