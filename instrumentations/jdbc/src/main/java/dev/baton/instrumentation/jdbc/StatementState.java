package dev.baton.instrumentation.jdbc;

import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import dev.baton.instrumentation.api.db.DbConnectionInfo;
import dev.baton.instrumentation.api.db.SqlQuery;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the agent knows about one statement between the calls that make it up: for a prepared
 * statement its connection and analyzed SQL (from {@code prepareStatement}), and for any statement
 * the batch being built. Kept in a weak identity map (no fields are added to drivers' classes),
 * so a statement the application drops is collected with its state.
 *
 * <p>Not synchronized: JDBC statements are not made for concurrent use, and a statement handed to
 * another thread is handed over with the application's own synchronization.
 */
final class StatementState {

  /** Texts kept for a plain statement's batch; the count goes on beyond. */
  private static final int MAX_BATCH_TEXTS = 100;

  private static final WeakIdentityMap<Statement, StatementState> STATES = new WeakIdentityMap<>();

  private final DbConnectionInfo connection;
  private final SqlQuery query;
  private long batchSize;
  private List<String> batchTexts;

  private StatementState(DbConnectionInfo connection, SqlQuery query) {
    this.connection = connection;
    this.query = query;
  }

  static StatementState get(Statement statement) {
    return STATES.get(statement);
  }

  static void recordPrepared(Statement statement, DbConnectionInfo connection, SqlQuery query) {
    STATES.put(statement, new StatementState(connection, query));
  }

  /** A plain statement's state, made on its first {@code addBatch(sql)}. */
  static StatementState getOrCreate(Statement statement) {
    StatementState state = STATES.get(statement);
    if (state == null) {
      state = new StatementState(null, null);
      STATES.put(statement, state);
    }
    return state;
  }

  /** Known from {@code prepareStatement}: a prepared statement the agent saw being made. */
  boolean isPrepared() {
    return query != null;
  }

  DbConnectionInfo connection() {
    return connection;
  }

  SqlQuery query() {
    return query;
  }

  void addToBatch(String sql) {
    batchSize++;
    if (sql != null) {
      if (batchTexts == null) {
        batchTexts = new ArrayList<>();
      }
      if (batchTexts.size() < MAX_BATCH_TEXTS) {
        batchTexts.add(sql);
      }
    }
  }

  long batchSize() {
    return batchSize;
  }

  /** The texts of a plain statement's batch, or an empty list. */
  List<String> batchTexts() {
    return batchTexts == null ? Collections.emptyList() : batchTexts;
  }

  /** JDBC empties the batch when it runs or is cleared. */
  void clearBatch() {
    batchSize = 0;
    batchTexts = null;
  }
}
