package dev.baton.instrumentation.jdbc;

import dev.baton.bootstrap.InstrumentationSuppression;
import dev.baton.instrumentation.api.concurrent.WeakIdentityMap;
import dev.baton.instrumentation.api.db.DbConnectionInfo;
import dev.baton.instrumentation.api.db.JdbcUrlParser;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * System, database, host and port of a connection, from its JDBC URL: worked out on the first
 * statement of a connection and kept for it (weakly, by identity), never parsed again for it.
 *
 * <p>A pool hands out a new wrapper for every borrow: the wrapper is unwrapped to the driver's
 * connection when it says it wraps one (HikariCP), and URLs already seen are not parsed again
 * either (DBCP's wrappers only show the URL).
 */
final class ConnectionInfos {

  private static final int MAX_URLS = 100;

  private static final WeakIdentityMap<Connection, DbConnectionInfo> BY_CONNECTION =
      new WeakIdentityMap<>();
  private static final Map<String, DbConnectionInfo> BY_URL = new ConcurrentHashMap<>();

  private ConnectionInfos() {}

  static DbConnectionInfo of(Connection connection) {
    if (connection == null) {
      return DbConnectionInfo.UNKNOWN;
    }
    DbConnectionInfo info = BY_CONNECTION.get(connection);
    if (info == null) {
      // Whatever the driver does to answer (a query, even) is not the application's call.
      try (Scope ignored = InstrumentationSuppression.suppress(Context.current()).makeCurrent()) {
        info = lookUp(connection);
      }
      BY_CONNECTION.put(connection, info);
    }
    return info;
  }

  private static DbConnectionInfo lookUp(Connection connection) {
    try {
      if (connection.isWrapperFor(Connection.class)) {
        Connection inner = connection.unwrap(Connection.class);
        if (inner != null && inner != connection) {
          return of(inner);
        }
      }
    } catch (SQLException | RuntimeException | AbstractMethodError notAWrapper) {
      // a JDBC 3 driver, or a wrapper that will not say: read its URL
    }
    try {
      String url = connection.getMetaData().getURL();
      if (url == null) {
        return DbConnectionInfo.UNKNOWN;
      }
      DbConnectionInfo info = BY_URL.get(url);
      if (info == null) {
        info = JdbcUrlParser.parse(url);
        if (BY_URL.size() >= MAX_URLS) {
          BY_URL.clear();
        }
        BY_URL.put(url, info);
      }
      return info;
    } catch (SQLException | RuntimeException | AbstractMethodError unreadable) {
      return DbConnectionInfo.UNKNOWN;
    }
  }
}
