package dev.baton.instrumentation.jdbc;

import dev.baton.instrumentation.api.InstrumentationConfig;
import dev.baton.instrumentation.api.db.DbClientTracer;
import dev.baton.instrumentation.api.db.DbSettings;
import dev.baton.instrumentation.api.db.SqlCommenter;
import dev.baton.instrumentation.api.db.SqlQueries;
import java.util.List;

/** The tracer and the settings, read once when the first statement runs. */
final class JdbcSingletons {

  static final String NAME = "jdbc";

  /** {@code baton.jdbc.root-spans.enabled}: statements run outside any trace get a span too. */
  static final boolean ROOT_SPANS = InstrumentationConfig.getBoolean("baton.jdbc.root-spans.enabled", false);

  static final boolean SQL_COMMENTER = DbSettings.sqlCommenter(NAME);

  static final SqlQueries QUERIES = new SqlQueries(DbSettings.querySanitization(NAME));

  /** {@code baton.jdbc.sqlcommenter.forward-headers}: forwarded headers the comment carries. */
  static final SqlCommenter COMMENTER = new SqlCommenter(InstrumentationConfig.getList(
      "baton.jdbc.sqlcommenter.forward-headers", List.of("x-request-id")));

  static final DbClientTracer<JdbcRequest> TRACER =
      new DbClientTracer<>("baton.jdbc", JdbcAttributesGetter.INSTANCE, ROOT_SPANS);

  private JdbcSingletons() {}
}
