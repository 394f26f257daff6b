package dev.baton.instrumentation.jdbc;

import dev.baton.instrumentation.api.db.DbClientAttributesGetter;
import dev.baton.instrumentation.api.db.DbConnectionInfo;
import dev.baton.instrumentation.api.db.SqlQuery;

enum JdbcAttributesGetter implements DbClientAttributesGetter<JdbcRequest> {
  INSTANCE;

  @Override
  public DbConnectionInfo connection(JdbcRequest request) {
    return request.connectionInfo();
  }

  @Override
  public SqlQuery query(JdbcRequest request) {
    return request.query();
  }

  @Override
  public long batchSize(JdbcRequest request) {
    return request.batchSize();
  }
}
