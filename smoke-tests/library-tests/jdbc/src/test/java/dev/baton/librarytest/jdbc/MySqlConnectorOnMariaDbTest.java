package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/**
 * MySQL's own driver ({@code com.mysql.cj}) against the MariaDB server: the spans name what the
 * driver says it talks to, {@code mysql}. Skipped with a message when Connector/J does not
 * connect to this MariaDB.
 */
class MySqlConnectorOnMariaDbTest extends AbstractJdbcTest {

  @Override
  protected Connection connect() {
    return Databases.mysqlConnectorOnMariaDb();
  }

  @Override
  protected String system() {
    return "mysql";
  }

  @Override
  protected String namespace() {
    return "test";
  }

  @Override
  protected String serverAddress() {
    return "127.0.0.1";
  }

  @Override
  protected int serverPort() {
    return 3306;
  }
}
