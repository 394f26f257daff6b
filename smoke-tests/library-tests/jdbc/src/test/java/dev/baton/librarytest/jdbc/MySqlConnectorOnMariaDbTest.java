package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/**
 * MySQL's own driver ({@code com.mysql.cj}) against the MariaDB server: the spans name what the
 * driver says it talks to, {@code mysql}. Skipped with a message when Connector/J does not
 * connect to this MariaDB.
 */
class MySqlConnectorOnMariaDbTest extends AbstractJdbcTest {

  MySqlConnectorOnMariaDbTest() {
    super("mysql", "test", "127.0.0.1", 3306);
  }

  @Override
  protected Connection connect() {
    return Databases.mysqlConnectorOnMariaDb();
  }

  /** MySQL's quoting: back-ticked names, double-quoted strings with backslash escapes. */
  @Override
  protected String[] quotingQuery() {
    return new String[] {"SELECT item FROM `" + table + "` WHERE item = \"it\\\"s secret\" # comment",
        "SELECT item FROM `" + table + "` WHERE item = ?"};
  }
}
