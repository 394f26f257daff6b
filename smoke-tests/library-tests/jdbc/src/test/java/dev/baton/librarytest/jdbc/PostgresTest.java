package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/** {@code org.postgresql} against the PostgreSQL server at 127.0.0.1:5432. */
class PostgresTest extends AbstractJdbcTest {

  PostgresTest() {
    super("postgresql", "test", "127.0.0.1", 5432);
  }

  @Override
  protected Connection connect() {
    return Databases.postgres();
  }

  /** PostgreSQL's dollar quoting. */
  @Override
  protected String[] quotingQuery() {
    return new String[] {"SELECT item FROM " + table + " WHERE item = $q$ it's a secret $q$",
        "SELECT item FROM " + table + " WHERE item = ?"};
  }
}
