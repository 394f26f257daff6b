package dev.baton.librarytest.jdbc;

import java.sql.Connection;

/** H2 over a real TCP connection to its server (in this JVM, on 127.0.0.1). */
class H2TcpServerTest extends AbstractJdbcTest {

  @Override
  protected Connection connect() throws Exception {
    return Databases.h2Tcp("served");
  }

  @Override
  protected String system() {
    return "h2database";
  }

  @Override
  protected String namespace() {
    return "served";
  }

  @Override
  protected String serverAddress() {
    return "127.0.0.1";
  }

  @Override
  protected int serverPort() {
    try {
      return Databases.h2ServerPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
