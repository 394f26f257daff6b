package dev.baton.instrumentation.jdbc;

import static dev.baton.instrumentation.jdbc.JdbcSingletons.COMMENTER;
import static dev.baton.instrumentation.jdbc.JdbcSingletons.QUERIES;
import static dev.baton.instrumentation.jdbc.JdbcSingletons.SQL_COMMENTER;
import static dev.baton.instrumentation.jdbc.JdbcSingletons.TRACER;

import dev.baton.instrumentation.api.CurrentCall;
import dev.baton.instrumentation.api.db.DbConnectionInfo;
import io.opentelemetry.context.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What the JDBC advice does; the advice itself only forwards here. */
public final class JdbcTracing {

  private JdbcTracing() {}

  /**
   * {@code statement.execute(sql)} and its siblings.
   *
   * @return {@code {SQL to send, call}}, or {@code null} to leave the call alone
   */
  public static Object[] startSql(Statement statement, String sql) {
    Context parent = Context.current();
    if (sql == null) {
      return null;
    }
    if (!TRACER.shouldStart(parent)) {
      CurrentCall gap = gap(parent);
      return gap == null ? null : new Object[] {sql, gap};
    }
    Connection connection = connectionOf(statement);
    if (connection == null) {
      return null;
    }
    CurrentCall call = CurrentCall.open(TRACER.start(parent, JdbcRequest.plain(connection, sql)));
    String toSend = SQL_COMMENTER ? COMMENTER.append(sql, call.context()) : sql;
    return new Object[] {toSend, call};
  }

  /** A prepared statement's {@code execute()} and its siblings. */
  public static Object startPrepared(Statement statement) {
    Context parent = Context.current();
    if (!TRACER.shouldStart(parent)) {
      return gap(parent);
    }
    StatementState state = StatementState.get(statement);
    if (state == null || !state.isPrepared()) {
      // A wrapper the application made around a driver's statement (or one prepared before the
      // agent was attached): its SQL is unknown here, the statement it delegates to knows it.
      return null;
    }
    return CurrentCall.open(TRACER.start(parent, JdbcRequest.prepared(state, 1)));
  }

  /** {@code executeBatch()}, {@code executeLargeBatch()}. */
  public static Object startBatch(Statement statement) {
    StatementState state = StatementState.get(statement);
    if (state == null) {
      return null;
    }
    long size = state.batchSize();
    List<String> texts = state.batchTexts();
    // The driver empties the batch whatever happens; so does every wrapper level, traced or not.
    state.clearBatch();
    Context parent = Context.current();
    if (size == 0) {
      return null;
    }
    if (!TRACER.shouldStart(parent)) {
      return gap(parent);
    }
    if (state.isPrepared()) {
      return CurrentCall.open(TRACER.start(parent, JdbcRequest.prepared(state, size)));
    }
    Connection connection = connectionOf(statement);
    return connection == null
        ? null
        : CurrentCall.open(TRACER.start(parent, JdbcRequest.batch(connection, texts, size)));
  }

  /**
   * A statement run with no trace while traced requests are being served: counted as a trace gap
   * once, however many wrapper levels it passes through (see {@code DbClientTracer.gap}).
   */
  private static CurrentCall gap(Context parent) {
    Context gap = TRACER.gap(parent);
    return gap == null ? null : CurrentCall.open(gap);
  }

  /** @param call what a start method returned: a call, an array holding one, or null */
  public static void end(Object call, Throwable error) {
    if (call instanceof Object[] && ((Object[]) call).length > 1) {
      call = ((Object[]) call)[1];
    }
    if (call instanceof CurrentCall) {
      // Leaving the call's context first: it was current only so that calls underneath (a
      // wrapper's delegate, a driver calling its own sibling method) start nothing.
      String sqlState = error instanceof SQLException ? ((SQLException) error).getSQLState() : null;
      TRACER.end(((CurrentCall) call).close(), error, sqlState);
    }
  }

  /** @param sql the text of a plain statement's {@code addBatch(sql)}; null for a prepared one */
  public static void addBatch(Statement statement, String sql, Throwable error) {
    if (error != null) {
      return;
    }
    if (sql != null) {
      StatementState.getOrCreate(statement).addToBatch(sql);
    } else {
      StatementState state = StatementState.get(statement);
      if (state != null) {
        state.addToBatch(null);
      }
    }
  }

  public static void clearBatch(Statement statement) {
    StatementState state = StatementState.get(statement);
    if (state != null) {
      state.clearBatch();
    }
  }

  /**
   * Before {@code prepareStatement(sql)}/{@code prepareCall(sql)}: with sqlcommenter on, the SQL
   * to prepare carries the current trace (the statement's text is fixed from now on).
   *
   * @return {@code {SQL to prepare, the application's SQL}}, or {@code null} to leave it alone
   */
  public static Object[] beforePrepare(String sql) {
    if (!SQL_COMMENTER || sql == null) {
      return null;
    }
    Context current = Context.current();
    if (!TRACER.shouldStart(current)) {
      return null;
    }
    String commented = COMMENTER.append(sql, current);
    return commented.equals(sql) ? null : new Object[] {commented, sql};
  }

  /** After {@code prepareStatement}: the statement's SQL is read once, here. */
  public static void afterPrepare(Connection connection, String sql, Object[] enter, Object statement) {
    if (!(statement instanceof Statement) || !TRACER.isRecording()) {
      return;
    }
    String original = enter != null && enter.length > 1 ? (String) enter[1] : sql;
    if (original == null) {
      return;
    }
    DbConnectionInfo info = ConnectionInfos.of(connection);
    StatementState.recordPrepared(
        (Statement) statement, info, QUERIES.get(original, info.dialect()));
  }

  /**
   * A plain statement's connection; {@code null} for a wrapper that has none of its own (the
   * statement it delegates to reports the call, with its connection).
   */
  private static Connection connectionOf(Statement statement) {
    try {
      return statement.getConnection();
    } catch (SQLException | RuntimeException closed) {
      return null;
    }
  }
}
