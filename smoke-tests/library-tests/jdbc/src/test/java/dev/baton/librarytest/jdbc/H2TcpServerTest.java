package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/** H2 over a real TCP connection to its server (in this JVM, on 127.0.0.1). */
class H2TcpServerTest extends AbstractJdbcTest {

  H2TcpServerTest() throws Exception {
    super("h2database", "served", "127.0.0.1", Databases.h2ServerPort());
  }

  @Override
  protected Connection connect() throws Exception {
    return Databases.h2Tcp("served");
  }
}
