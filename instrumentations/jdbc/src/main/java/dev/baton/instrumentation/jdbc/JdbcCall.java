package dev.baton.instrumentation.jdbc;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.sql.SQLException;

/**
 * One traced statement execution, from the advice's enter to its exit. Its context is current
 * meanwhile, so that calls the statement makes underneath (a wrapper's delegate, a driver calling
 * its own sibling method) see it and start nothing.
 */
final class JdbcCall {

  private final Context context;
  private final Scope scope;

  JdbcCall(Context context) {
    this.context = context;
    this.scope = context.makeCurrent();
  }

  Context context() {
    return context;
  }

  void end(Throwable error) {
    scope.close();
    String sqlState = error instanceof SQLException ? ((SQLException) error).getSQLState() : null;
    JdbcSingletons.TRACER.end(context, error, sqlState);
  }
}
