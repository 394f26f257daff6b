package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/** {@code org.mariadb.jdbc} against the MariaDB server at 127.0.0.1:3306. */
class MariaDbTest extends AbstractJdbcTest {

  MariaDbTest() {
    super("mariadb", "test", "127.0.0.1", 3306);
  }

  @Override
  protected Connection connect() {
    return Databases.mariadb();
  }

  /** MySQL's quoting: back-ticked names, double-quoted strings with backslash escapes. */
  @Override
  protected String[] quotingQuery() {
    return new String[] {"SELECT item FROM `" + table + "` WHERE item = \"it\\\"s secret\" # comment",
        "SELECT item FROM `" + table + "` WHERE item = ?"};
  }
}
