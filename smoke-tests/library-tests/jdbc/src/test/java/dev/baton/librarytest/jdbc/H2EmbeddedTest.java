package dev.baton.librarytest.jdbc;

import java.sql.Connection;

class H2EmbeddedTest extends AbstractJdbcTest {

  H2EmbeddedTest() {
    super("h2database", "embedded", null, 0);
  }

  @Override
  protected Connection connect() throws Exception {
    return Databases.h2("embedded");
  }
}
